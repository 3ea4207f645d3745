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
