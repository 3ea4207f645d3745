/** A failure the fake server can answer with instead of a good response. */
export type Fault =
  | { fault: 'rate_limit'; retryAfterMs?: number }
  | { fault: 'server_error' }
  | { fault: 'unavailable' }
  | { fault: 'slow'; delayMs?: number }
  | { fault: 'drop' }
  | { fault: 'malformed_json' }
  | { fault: 'schema_violation' }
  | { fault: 'refusal' }
  | { fault: 'empty_output' }
  | { fault: 'bad_request' }
  | { fault: 'unauthorized' };

export type FaultName = Fault['fault'];

/** The retryable faults `failRate` draws from. */
export const RANDOM_FAULTS: readonly Fault[] = [{ fault: 'rate_limit', retryAfterMs: 100 }, { fault: 'server_error' }, { fault: 'unavailable' }];

/** What the server does for one request: an error status, a broken socket, or a 200 with this output. */
export type Reply =
  | { kind: 'error'; status: number; message: string; type: string; headers?: Record<string, string> }
  | { kind: 'drop' }
  | { kind: 'output'; output: unknown[]; delayMs?: number };

const text = (t: string) => [{ type: 'message', id: 'msg_fake', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: t, annotations: [] }] }];

/** Turns a fault into the reply the real API would give for it. */
export function faultReply(f: Fault, goodOutputText: string): Reply {
  switch (f.fault) {
    case 'rate_limit': {
      const ms = f.retryAfterMs ?? 1_000;
      return { kind: 'error', status: 429, type: 'rate_limit_exceeded', message: 'Rate limit reached (fake)', headers: { 'retry-after-ms': String(ms), 'retry-after': String(Math.ceil(ms / 1000)) } };
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
      return { kind: 'output', output: text(goodOutputText), delayMs: f.delayMs ?? 60_000 };
    case 'malformed_json':
      return { kind: 'output', output: text('{"category": "billing", "priority": ') };
    case 'schema_violation':
      return { kind: 'output', output: text(JSON.stringify({ category: 'gardening', priority: 'whenever' })) };
    case 'refusal':
      return { kind: 'output', output: [{ type: 'message', id: 'msg_fake', status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal: "I can't help with that (fake)" }] }] };
    case 'empty_output':
      return { kind: 'output', output: [] };
  }
}

export function outputText(t: string): unknown[] {
  return text(t);
}
