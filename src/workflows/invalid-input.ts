import { ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from '../domain/failures';

/**
 * Fails a run whose input breaks its contract: at once, never retried (the same input would fail
 * the same way), with every problem named, before any model call.
 */
export function refuseInput(what: string, problems: string[], type: FailureType = FailureType.InvalidInput): never {
  throw ApplicationFailure.create({ type, message: `invalid ${what}: ${problems.join('; ')}`, nonRetryable: true });
}
