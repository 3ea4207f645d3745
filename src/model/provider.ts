import type { ModelResponse } from '../domain/usage';
import type { ModelTask } from './task';

/** Where model answers come from. Implementations throw ModelError, never a raw SDK error. */
export interface ModelProvider {
  /** The name reported in results: a model id, or "offline-rules". */
  readonly model: string;
  run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>>;
}
