import { z } from 'zod';

/**
 * One decision of the troubleshooting agent, as the model must return it. `tool` is a free string on
 * purpose: the allowlist is enforced in code (guardrails), so a bad tool is a rejected decision the
 * model can recover from, not a parse failure.
 */
export const AgentDecision = z.object({
  thought: z.string(),
  action: z.enum(['investigate', 'finish', 'escalate']),
  tool: z.string().describe('the tool to run when action is investigate, else "none"'),
  message: z.string().describe('what you are checking, or the final recommendation'),
  confidence: z.number().min(0).max(1),
});
export type AgentDecision = z.infer<typeof AgentDecision>;

/** One entry of the transcript the agent sees and the result reports. */
export interface AgentStep {
  step: number;
  decision: AgentDecision | null;
  /** What the tool observed, when the decision was executed. */
  observation?: string;
  /** Why the decision was not executed (guardrail, unparsable output); fed back to the model. */
  rejection?: string;
}

/** What the model is given to decide the next step. */
export interface DecisionInput {
  goal: string;
  allowedTools: Array<{ name: string; description: string }>;
  transcript: AgentStep[];
  stepsLeft: number;
}

/** How a troubleshooting run ended. Only "resolved" is a recommendation to act on; the rest go to a person. */
export type AgentOutcome = 'resolved' | 'escalated' | 'max_steps';
