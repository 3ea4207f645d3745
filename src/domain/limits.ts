/**
 * The numbers an operator can tune, each defined once with its default and range: settings,
 * CLI flags, workflow input checks and the model's instructions all read them from here.
 */
export interface Limit {
  readonly name: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const limit = (name: string, def: number, min: number, max: number, integer = false): Limit => ({ name, default: def, min, max, integer });

export const LIMITS = {
  /** A classification under this confidence is routed but flagged for a person's review. */
  reviewThreshold: limit('reviewThreshold', 0.6, 0, 1),
  /** Decisions the agent may take; each model call is one step. */
  maxSteps: limit('maxSteps', 5, 1, 50, true),
  /** A finish under this confidence goes to a person instead. */
  minConfidence: limit('minConfidence', 0.7, 0, 1),
  /** Tokens an agent run may spend on model calls, all attempts included. */
  tokenBudget: limit('tokenBudget', 20_000, 1, 10_000_000, true),
  /** This many rejected decisions in a row escalate: the model is not recovering. */
  maxConsecutiveRejections: limit('maxConsecutiveRejections', 3, 1, 10, true),
} as const;

/** How long a person has to decide before a case goes to on-call, and how long the agent stage may run. */
export const DEFAULT_APPROVAL_TIMEOUT = '4 hours';
export const DEFAULT_AGENT_TIMEOUT = '10 minutes';

/** What is wrong with `value` as `field` under `l`, or undefined when it fits. */
export function limitProblem(field: string, value: unknown, l: Limit): string | undefined {
  const fits = typeof value === 'number' && Number.isFinite(value) && (!l.integer || Number.isInteger(value)) && value >= l.min && value <= l.max;
  return fits ? undefined : `${field} must be ${l.integer ? 'a whole number' : 'a number'} from ${l.min} to ${l.max}, got ${JSON.stringify(value)}`;
}

/** A number typed by a person (a flag): the number when it reads as one, else the text, for limitProblem to name. */
export function typedNumber(raw: string): number | string {
  return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}
