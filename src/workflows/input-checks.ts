import { ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from '../domain/failures';

/**
 * Fails a run whose input breaks its contract: at once, never retried (the same input would fail
 * the same way), with every problem named, before any model call.
 */
export function refuseInput(what: string, problems: string[], type: FailureType = FailureType.InvalidInput): never {
  throw ApplicationFailure.create({ type, message: `invalid ${what}: ${problems.join('; ')}`, nonRetryable: true });
}

/** An optional on/off field of an input: its value, false when absent, refused when not a boolean. */
export function readFlag(field: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') refuseInput('input', [`${field} must be true or false, got ${JSON.stringify(value)}`]);
  return value;
}
