/** A failure the fake server can answer with instead of a good response. */
export type Fault =
  | { fault: 'rate_limit'; retryAfterMs?: number }
  | { fault: 'server_error' }
  | { fault: 'unavailable' }
  | { fault: 'slow'; delayMs?: number }
  | { fault: 'drop' }
  | { fault: 'malformed_json' }
  | { fault: 'truncated' }
  | { fault: 'schema_violation' }
  | { fault: 'refusal' }
  | { fault: 'empty_output' }
  | { fault: 'bad_request' }
  | { fault: 'unauthorized' };

export type FaultName = Fault['fault'];

/** The retryable faults `failRate` draws from. */
export const RANDOM_FAULTS: readonly Fault[] = [{ fault: 'rate_limit', retryAfterMs: 100 }, { fault: 'server_error' }, { fault: 'unavailable' }];

/** What a 200 carries, in either API's shape (wire.ts writes it): text (`cut`: stopped at the token limit), a refusal, or nothing. */
export type Answer = { text: string; cut?: boolean } | { refusal: string } | null;

/** What the server does for one request: an error status, a broken socket, or a 200 with this answer. */
export type Reply =
  | { kind: 'error'; status: number; message: string; type: string; headers?: Record<string, string> }
  | { kind: 'drop' }
  | { kind: 'answer'; answer: Answer; delayMs?: number };

const text = (t: string, delayMs?: number): Reply => ({ kind: 'answer', answer: { text: t }, ...(delayMs !== undefined && { delayMs }) });

/** Turns a fault into the reply the real API would give for it. */
export function faultReply(f: Fault, goodOutputText: string): Reply {
  switch (f.fault) {
    case 'rate_limit': {
      const ms = f.retryAfterMs ?? 1_000;
      return {
        kind: 'error',
        status: 429,
        type: 'rate_limit_exceeded',
        message: 'Rate limit reached (fake)',
        headers: { 'retry-after-ms': String(ms), 'retry-after': String(Math.ceil(ms / 1000)) },
      };
    }
    case 'server_error':
      return { kind: 'error', status: 500, type: 'server_error', message: 'The server had an error (fake)' };
    case 'unavailable':
      return { kind: 'error', status: 503, type: 'service_unavailable', message: 'The engine is currently overloaded (fake)' };
    case 'bad_request':
      return { kind: 'error', status: 400, type: 'invalid_request_error', message: 'Invalid request (fake)' };
    case 'unauthorized':
      return { kind: 'error', status: 401, type: 'invalid_api_key', message: 'Incorrect API key provided (fake)' };
    case 'drop':
      return { kind: 'drop' };
    case 'slow':
      return text(goodOutputText, f.delayMs ?? 60_000);
    case 'malformed_json':
      return text('{"category": "billing", "priority": ');
    case 'truncated':
      return { kind: 'answer', answer: { text: goodOutputText.slice(0, Math.floor(goodOutputText.length / 2)), cut: true } };
    case 'schema_violation':
      return text(JSON.stringify({ category: 'gardening', priority: 'whenever' }));
    case 'refusal':
      return { kind: 'answer', answer: { refusal: "I can't help with that (fake)" } };
    case 'empty_output':
      return { kind: 'answer', answer: null };
  }
}
