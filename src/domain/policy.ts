/** Defaults for the thresholds an operator can tune; the client fills them from settings. */
export const DEFAULT_REVIEW_THRESHOLD = 0.6;

/**
 * Retries for model calls. Four attempts ride out a short outage; a 429's retry-after overrides the
 * interval (the activity passes it as nextRetryDelay). Non-retryable types fail at once.
 */
export const MODEL_RETRY = {
  initialInterval: '500ms',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  maximumAttempts: 4,
} as const;

/** The task queue of model calls for workflows on `taskQueue`: rate limited on its own. */
export function modelTaskQueue(taskQueue: string): string {
  return `${taskQueue}-model`;
}
