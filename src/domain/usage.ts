/** Tokens spent on model calls, all attempts included. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  calls: number;
}

export const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0, calls: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    calls: a.calls + b.calls,
  };
}

/** What every model call reports beside its parsed output; it lands in history with the activity result. */
export interface ModelResponse<T> {
  output: T;
  model: string;
  usage: Usage;
  latencyMs: number;
  requestId: string | null;
}

/** A model response as an activity returns it: with the attempt that produced it (1 = first try). */
export interface ModelCall<T> extends ModelResponse<T> {
  attempt: number;
}
