import { defineQuery } from '@temporalio/workflow';
import type { ProposedAction } from '../../domain/actions';
import type { AgentOutcome, AgentStep } from '../../domain/agent';
import { DEFAULT_AGENT_LIMITS, type AgentLimits } from '../../domain/guardrails';
import { LIMITS, limitProblem } from '../../domain/limits';
import { scenarioProblems } from '../../domain/scenario';
import type { Scenario } from '../../domain/scenario.schema';
import { isToolName, TOOL_NAMES, type ToolName } from '../../domain/tools';
import type { Usage } from '../../domain/usage';
import { readFlag, refuseInput } from '../input-checks';

/** Pattern B's contract: what `troubleshoot` takes, returns and answers while it runs. */
export interface TroubleshootInput extends Partial<AgentLimits> {
  /** What to find out; defaults to the scenario's goal. */
  goal?: string;
  /** The simulated system the tools look at (the client loads it from a built-in id or a file). */
  scenario: Scenario;
  /** A subset of the tool registry; default all tools. */
  allowedTools?: string[];
  /** Model calls through the server's rate limit (the client sets it when MODEL_RATE_LIMIT_PER_SECOND is). */
  rateLimitModelCalls?: boolean;
}

export interface TroubleshootResult {
  outcome: AgentOutcome;
  /** The recommendation when resolved; otherwise the best the agent had, for the person who takes over. */
  recommendation: string;
  confidence: number;
  /** Why the run was handed to a person, when it was. */
  escalationReason?: string;
  /**
   * The action the agent's finish named and code checked (a known action, a target a tool observed);
   * absent when it named none, or one that failed the check (the run is then escalated).
   */
  proposedAction?: ProposedAction;
  steps: AgentStep[];
  toolsUsed: ToolName[];
  usage: Usage;
  model: string;
}

export interface TroubleshootStatus {
  stage: 'deciding' | 'running tool' | 'done';
  step: number;
  maxSteps: number;
  transcript: AgentStep[];
  usage: Usage;
  /** Once done: the checked action of its finish, as in the result. */
  proposedAction?: ProposedAction;
}

/** The run's progress: its step, stage and transcript so far. */
export const troubleshootStatusQuery = defineQuery<TroubleshootStatus>('status');

export interface TroubleshootRequest {
  goal: string;
  scenario: Scenario;
  allowedTools: ToolName[];
  limits: AgentLimits;
  rateLimited: boolean;
}

const MAX_GOAL_CHARS = 2_000;
const LIMIT_FIELDS = ['maxSteps', 'minConfidence', 'tokenBudget', 'maxConsecutiveRejections'] as const;

/** The request with defaults filled in, or a non-retryable InvalidInput failure naming every problem. */
export function readTroubleshootInput(input: unknown): TroubleshootRequest {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const problems = raw.scenario === undefined ? ['scenario is required'] : scenarioProblems(raw.scenario);
  if (raw.goal !== undefined && (typeof raw.goal !== 'string' || !raw.goal.trim() || raw.goal.length > MAX_GOAL_CHARS)) {
    problems.push(`goal must be a non-empty string of at most ${MAX_GOAL_CHARS} characters`);
  }
  const tools = raw.allowedTools;
  if (tools !== undefined && (!Array.isArray(tools) || tools.length === 0 || !tools.every((t) => typeof t === 'string' && isToolName(t)))) {
    problems.push(`allowedTools must be a non-empty list of known tools (${TOOL_NAMES.join(', ')})`);
  }
  const limits = { ...DEFAULT_AGENT_LIMITS };
  for (const field of LIMIT_FIELDS) {
    if (raw[field] === undefined) continue;
    const problem = limitProblem(field, raw[field], LIMITS[field]);
    if (problem) problems.push(problem);
    else limits[field] = raw[field] as number;
  }
  if (problems.length) refuseInput('troubleshoot input', problems);
  const scenario = raw.scenario as Scenario;
  return {
    goal: (raw.goal as string | undefined)?.trim() ?? scenario.goal,
    scenario,
    allowedTools: (tools as ToolName[] | undefined) ?? TOOL_NAMES,
    limits,
    rateLimited: readFlag('rateLimitModelCalls', raw.rateLimitModelCalls),
  };
}
