import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { FailureType } from '../../domain/failures';
import { DEFAULT_AGENT_LIMITS, type AgentLimits } from '../../domain/guardrails';
import { Scenario } from '../../domain/scenario';
import { TOOL_NAMES, ToolName } from '../../domain/tools';

const TroubleshootInputSchema = z.object({
  goal: z.string().trim().min(1).max(2_000).optional(),
  scenario: Scenario,
  allowedTools: z.array(ToolName).min(1).optional(),
  maxSteps: z.number().int().min(1).max(50).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  tokenBudget: z.number().int().positive().optional(),
  maxConsecutiveRejections: z.number().int().min(1).optional(),
});

/** Checks a troubleshoot request before any model call; bad input fails the run at once. */
export function validateTroubleshootInput(input: unknown): {
  goal: string;
  scenario: Scenario;
  allowedTools: ToolName[];
  limits: AgentLimits;
} {
  const parsed = TroubleshootInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    throw ApplicationFailure.create({ type: FailureType.InvalidInput, message: `invalid troubleshoot input: ${problems.join('; ')}`, nonRetryable: true });
  }
  const { goal, scenario, allowedTools, ...limits } = parsed.data;
  return {
    goal: goal ?? scenario.goal,
    scenario,
    allowedTools: allowedTools ?? TOOL_NAMES,
    limits: { ...DEFAULT_AGENT_LIMITS, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) },
  };
}
