import type { ModelResponse } from '../domain/usage';
import { ModelError } from '../model/errors';
import { toModelError } from '../model/openai-provider';

/** Which model call is being made: what metrics and spans label it by (never its input). */
export interface ModelCallLabels {
  /** The task's wire name, e.g. ticket_classification. */
  task: string;
  /** The configured model; a response may name a dated snapshot of it. */
  model: string;
  /** The activity attempt, 1 = first try. */
  attempt: number;
}

/**
 * Runs a model call and watches it (metrics, a span). Returns what `call` returns and rethrows what
 * it throws, unchanged: watching never alters a call.
 */
export type ModelCallObserver = <T>(labels: ModelCallLabels, call: () => Promise<ModelResponse<T>>) => Promise<ModelResponse<T>>;

/** Observers nested in the order given: the first one sees the call outermost. */
export function observeWith(...observers: ModelCallObserver[]): ModelCallObserver {
  return (labels, call) => observers.reduceRight<typeof call>((inner, observe) => () => observe(labels, inner), call)();
}

/** The failure type a failed call is reported under: a bounded set, never a message. */
export function failureTypeOf(err: unknown): string {
  return (err instanceof ModelError ? err : toModelError(err)).type;
}
