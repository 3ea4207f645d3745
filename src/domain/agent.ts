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
export const RECENT_STEPS = 3;

/**
 * What the model is shown of the transcript: the latest few steps in full, and before them every
 * step that ran a tool (each tool runs once, so at most one per tool) as the tool and what it
 * observed. Older rejected steps drop out, so a decision's input stops growing with the run: long
 * runs stay linear in history and in tokens.
 */
export function transcriptForModel(steps: readonly AgentStep[], recent = RECENT_STEPS): AgentStep[] {
  const from = steps.length - recent;
  return steps.flatMap((s, i) => {
    if (i >= from) return [s];
    if (s.observation === undefined || !s.decision) return [];
    return [{ ...s, decision: { ...s.decision, thought: '', message: '' } }];
  });
}
