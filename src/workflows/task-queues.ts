/**
 * The task queue of model calls for workflows on `taskQueue`: rate limited on its own, so every
 * worker together stays under the provider's limit (MODEL_RATE_LIMIT_PER_SECOND).
 */
export function modelTaskQueue(taskQueue: string): string {
  return `${taskQueue}-model`;
}
