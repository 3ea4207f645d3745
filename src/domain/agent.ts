import type { AgentDecision } from './agent.schema';

export type { AgentDecision };

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
  /** A finish under this confidence goes to a person; the model is told so. */
  minConfidence: number;
}

/** How a troubleshooting run ended. Only "resolved" is a recommendation to act on; the rest go to a person. */
export type AgentOutcome = 'resolved' | 'escalated' | 'max_steps';

/** How many of the latest steps the model sees in full, beside every step that ran a tool. */
export const RECENT_STEPS = 5;

/**
 * What the model is shown of the transcript: every step that ran a tool (each tool runs once, so
 * these are at most one per tool) and the latest few steps, in order. Rejected steps older than that
 * drop out, so a decision's input stops growing with the run and long runs stay linear in history.
 */
export function transcriptForModel(steps: readonly AgentStep[], recent = RECENT_STEPS): AgentStep[] {
  const from = steps.length - recent;
  return steps.filter((s, i) => i >= from || s.observation !== undefined);
}
