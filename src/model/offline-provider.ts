import type { ModelResponse } from '../domain/usage';
import type { ModelProvider } from './provider';
import type { ModelTask } from './task';

export const OFFLINE_MODEL = 'offline-rules';

/** Deterministic rules instead of a model, so everything runs with no key; every result says so. */
export class OfflineProvider implements ModelProvider {
  readonly model = OFFLINE_MODEL;

  async run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>> {
    const started = Date.now();
    const output = task.output.parse(task.offline(input));
    return {
      output,
      model: OFFLINE_MODEL,
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, calls: 1 },
      latencyMs: Date.now() - started,
      requestId: null,
    };
  }
}
