import { proposedActionProblem } from './actions';
import type { AgentDecision, AgentStep } from './agent';
import { LIMITS } from './limits';
import { NO_DATA } from './tools';

/** Limits a troubleshooting run works within; the workflow's input may tighten them. */
export interface AgentLimits {
  maxSteps: number;
  minConfidence: number;
  tokenBudget: number;
  maxConsecutiveRejections: number;
}

export const DEFAULT_AGENT_LIMITS: AgentLimits = {
  maxSteps: LIMITS.maxSteps.default,
  minConfidence: LIMITS.minConfidence.default,
  tokenBudget: LIMITS.tokenBudget.default,
  maxConsecutiveRejections: LIMITS.maxConsecutiveRejections.default,
};

/**
 * Why a decision must not be executed, or null when it may run. Checked in code, whatever the
 * prompt said: the tool must be allowed, and re-running a tool that already answered adds nothing.
 */
export function rejectDecision(decision: AgentDecision, transcript: readonly AgentStep[], allowedTools: readonly string[]): string | null {
  if (decision.action !== 'investigate') return null;
  if (!allowedTools.includes(decision.tool)) {
    return `tool "${decision.tool}" is not allowed; allowed tools: ${allowedTools.join(', ')}`;
  }
  const earlier = transcript.find((s) => s.decision?.tool === decision.tool && s.observation !== undefined);
  if (earlier) {
    return `tool "${decision.tool}" already ran at step ${earlier.step} and its answer will not change: use what it said or try another tool`;
  }
  return null;
}

const STOPWORDS = new Set(
  'the a an and or of to in on for with after before from that this is are was were be been it its by as at not no likely most cause root because which has have'.split(
    ' ',
  ),
);

/** Words that carry meaning: lowercased, 4+ letters or an identifier such as PAYMENT_API_KEY. */
export function keyTerms(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
  return new Set(words.filter((w) => (w.length >= 4 || w.includes('_')) && !STOPWORDS.has(w)));
}

/**
 * A recommendation is backed when it shares at least two key terms with one observation that had
 * data: the agent may not conclude what no tool showed it.
 */
export function isSupported(recommendation: string, transcript: readonly AgentStep[]): boolean {
  const claimed = keyTerms(recommendation);
  return observationsWithData(transcript).some((observation) => {
    let shared = 0;
    for (const term of keyTerms(observation)) if (claimed.has(term)) shared += 1;
    return shared >= 2;
  });
}

/** What the tools of a run observed, leaving out the answers that had no data. */
export function observationsWithData(transcript: readonly AgentStep[]): string[] {
  return transcript.flatMap((s) => (s.observation && s.observation !== NO_DATA ? [s.observation] : []));
}

/** Why a finish's proposed action may not stand (unknown, or a target no tool observed), or undefined. */
export function finishActionProblem(decision: AgentDecision, transcript: readonly AgentStep[]): string | undefined {
  return proposedActionProblem(decision.proposedAction, observationsWithData(transcript));
}

/** How many decisions at the end of the transcript were rejected in a row. */
export function trailingRejections(transcript: readonly AgentStep[]): number {
  let n = 0;
  for (let i = transcript.length - 1; i >= 0 && transcript[i]?.rejection !== undefined; i -= 1) n += 1;
  return n;
}

/**
 * Why a finish may not stand as a resolution (it goes to a person instead), or undefined when it may:
 * a recommendation, confident enough, and backed by what a tool observed. The one place these are checked.
 */
export function finishProblem(decision: AgentDecision, transcript: readonly AgentStep[], minConfidence: number): string | undefined {
  if (!decision.message.trim()) return 'the agent finished without a recommendation';
  if (decision.confidence < minConfidence) return `confidence ${decision.confidence} is under ${minConfidence}`;
  if (!isSupported(decision.message, transcript)) return 'the recommendation is not backed by any observation';
  return undefined;
}
