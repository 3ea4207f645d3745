import { ApplicationFailure } from '@temporalio/common';
import { ModelError } from '../model/errors';
import { toModelError } from '../model/openai-provider';

/** What a failed attempt leaves in its failure details, so the workflow can report attempts. */
export interface ModelFailureDetails {
  attempt: number;
  status?: number;
}

/**
 * Turns a model error into the ApplicationFailure Temporal's retry policy acts on:
 * typed, non-retryable where a retry cannot help, and delayed by the provider's retry-after.
 */
export function toModelFailure(err: unknown, attempt: number): ApplicationFailure {
  const error = err instanceof ModelError ? err : toModelError(err);
  const details: ModelFailureDetails = { attempt, ...(error.status !== undefined && { status: error.status }) };
  return ApplicationFailure.create({
    type: error.type,
    message: error.message,
    nonRetryable: !error.retryable,
    nextRetryDelay: error.retryAfterMs,
    details: [details],
  });
}
