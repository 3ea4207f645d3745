import { FailureType, NON_RETRYABLE_MODEL_FAILURES } from '../domain/failures';

/** A model call that failed, classified so Temporal's retry policy can decide what to do with it. */
export class ModelError extends Error {
  constructor(
    readonly type: FailureType,
    message: string,
    /** From the provider's retry-after header, when it sent one. */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ModelError';
  }

  get retryable(): boolean {
    return !NON_RETRYABLE_MODEL_FAILURES.includes(this.type);
  }
}

/** Reads retry-after-ms or retry-after (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps an HTTP status from the provider to a failure type. */
export function failureTypeForStatus(status: number): FailureType {
  if (status === 429) return FailureType.ModelRateLimited;
  if (status === 408) return FailureType.ModelTimeout;
  if (status === 401 || status === 403) return FailureType.ModelAuth;
  if (status === 404) return FailureType.ModelNotFound;
  if (status >= 500) return FailureType.ModelUnavailable;
  return FailureType.ModelBadRequest;
}
