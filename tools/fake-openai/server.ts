import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MODEL_TASKS } from '../../src/model/tasks';
import { STRUCTURED_OUTPUT_DIALECTS, type StructuredOutputDialect } from '../../src/model/structured-output';
import { RANDOM_FAULTS, faultReply, type Answer, type Fault, type Reply } from './faults';
import { API_PATHS, answerBody, readRequest, type TaskRequest, type WireApi } from './wire';

/** A scripted answer: a fault, a fixed output, or a function of the task's input. */
export type Step = Fault | { output: unknown } | { respond: (task: string, input: unknown) => unknown };

export interface FakeOpenAIOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Added to every answer. */
  latencyMs?: number;
  /** Share of requests (0..1) answered with a random retryable fault (429, 500, 503). */
  failRate?: number;
  /** Seed for failRate's draws, so a run repeats. */
  seed?: number;
  /** The Chat Completions structured-output forms accepted (default both); `['json_object_schema']` refuses the standard one with a 500, as llama-cpp-python's server does. */
  chatDialects?: readonly StructuredOutputDialect[];
  /** Called once per request, after it is answered (the standalone server logs with it). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  /** Which API the request came by. */
  api: WireApi;
  task: string | null;
  /** The Chat Completions structured-output form it used. */
  dialect?: StructuredOutputDialect;
  /** The answer's token limit the request asked for. */
  maxOutputTokens?: number;
  /** HTTP status; 'dropped' when the fake cut the connection, 'abandoned' when the client gave up first. */
  status: number | 'dropped' | 'abandoned';
  fault?: string;
  model?: string;
  at: number;
}

export interface FakeOpenAI {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** What OPENAI_BASE_URL should be. */
  readonly baseURL: string;
  /** Requests to POST /v1/responses and /v1/chat/completions so far, good and bad. */
  readonly requestCount: number;
  readonly requests: readonly RequestLogEntry[];
  countFor(task: string): number;
  /** Steps answered one per request, in order, before the offline rules; `task` limits a step to one task. */
  enqueue(...steps: Array<Step & { task?: string }>): void;
  setLatency(ms: number): void;
  /** Clears the log, the count and the queue. */
  reset(): void;
  close(): Promise<void>;
}

/** A seeded PRNG (mulberry32): the fault draws of a run repeat with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS_PER_TOKEN = 4;
const estimateTokens = (s: string) => Math.max(1, Math.ceil(s.length / CHARS_PER_TOKEN));

/** The answer as a real endpoint gives it under a token limit: cut where the limit falls, and marked cut. */
function withinLimit(text: string, maxOutputTokens: number | undefined): Answer {
  if (maxOutputTokens === undefined || estimateTokens(text) <= maxOutputTokens) return { text };
  return { text: text.slice(0, maxOutputTokens * CHARS_PER_TOKEN), cut: true };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID().replace(/-/g, '')}`, ...headers });
  res.end(text);
}

function apiError(res: ServerResponse, status: number, type: string, message: string, headers?: Record<string, string>): void {
  sendJson(res, status, { error: { message, type, param: null, code: type } }, headers);
}

/**
 * A fake OpenAI API (Responses and Chat Completions) on loopback, good enough for the real `openai` SDK: it answers each
 * task with the offline rules (or a scripted step), injects faults on demand and counts requests.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: Array<Step & { task?: string }> = [];
  let requests: RequestLogEntry[] = [];
  let latencyMs = options.latencyMs ?? 0;
  const random = prng(options.seed ?? 1);
  const dialects = options.chatDialects ?? STRUCTURED_OUTPUT_DIALECTS;
  const sockets = new Set<Socket>();

  const log = (entry: Omit<RequestLogEntry, 'at'>) => {
    const full = { ...entry, at: Date.now() };
    requests.push(full);
    options.onRequest?.(full);
  };
  // A request counts from the moment it arrives, so a caller that times out still sees it counted.
  const arrive = (api: WireApi, { task, model, dialect, maxOutputTokens }: TaskRequest) => {
    const entry: RequestLogEntry = {
      api,
      task,
      status: 'abandoned',
      model,
      ...(dialect && { dialect }),
      ...(maxOutputTokens !== undefined && { maxOutputTokens }),
      at: Date.now(),
    };
    requests.push(entry);
    return (status: RequestLogEntry['status'], fault?: string) => {
      Object.assign(entry, { status, ...(fault && { fault }) });
      options.onRequest?.(entry);
    };
  };

  const takeStep = (task: string): (Step & { task?: string }) | undefined => {
    const i = queue.findIndex((s) => s.task === undefined || s.task === task);
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url?.split('?')[0] ?? '';
    const api = req.method === 'POST' ? API_PATHS[path as keyof typeof API_PATHS] : undefined;
    if (!api) {
      return apiError(res, 404, 'not_found', `the fake server serves POST ${Object.keys(API_PATHS).join(' and ')}, not ${req.method} ${req.url}`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      log({ api, task: null, status: 400 });
      return apiError(res, 400, 'invalid_request_error', 'the request body is not JSON');
    }
    const request = readRequest(api, body, dialects);
    if ('problem' in request) {
      const status = request.status ?? 400;
      log({ api, task: request.task, status, model: request.model });
      return apiError(res, status, request.type ?? 'invalid_request_error', request.problem);
    }
    const task = MODEL_TASKS.get(request.task)!;
    let input: unknown;
    try {
      input = JSON.parse(request.input);
    } catch {
      log({ api, task: request.task, status: 400, model: request.model });
      return apiError(res, 400, 'invalid_request_error', 'input is not the JSON the task expects');
    }

    const done = arrive(api, request);
    const step =
      takeStep(request.task) ?? (options.failRate && random() < options.failRate ? RANDOM_FAULTS[Math.floor(random() * RANDOM_FAULTS.length)] : undefined);
    let reply: Reply;
    if (step && 'fault' in step) {
      reply = faultReply(step, JSON.stringify(task.offline(input as never)));
    } else {
      const answer = step && 'output' in step ? step.output : step && 'respond' in step ? step.respond(request.task, input) : task.offline(input as never);
      reply = { kind: 'answer', answer: withinLimit(typeof answer === 'string' ? answer : JSON.stringify(answer), request.maxOutputTokens) };
    }
    const fault = step && 'fault' in step ? step.fault : undefined;

    const delay = latencyMs + (reply.kind === 'answer' ? (reply.delayMs ?? 0) : 0);
    // unref: a slow answer must not keep a test process alive after close().
    if (delay > 0) await new Promise((r) => setTimeout(r, delay).unref());
    if (res.destroyed || req.socket.destroyed) {
      done('abandoned', fault); // the client gave up (its timeout)
      return;
    }

    if (reply.kind === 'drop') {
      done('dropped', fault);
      req.socket.destroy();
      return;
    }
    if (reply.kind === 'error') {
      done(reply.status, fault);
      return apiError(res, reply.status, reply.type, reply.message, reply.headers);
    }
    const tokens = { input: estimateTokens(request.instructions + request.input), output: estimateTokens(JSON.stringify(reply.answer)) };
    done(200, fault);
    sendJson(res, 200, answerBody(api, request, reply.answer, tokens));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) apiError(res, 500, 'server_error', `fake server bug: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    baseURL: `${url}/v1`,
    get requestCount() {
      return requests.length;
    },
    get requests() {
      return requests;
    },
    countFor: (task) => requests.filter((r) => r.task === task).length,
    enqueue: (...steps) => void queue.push(...steps),
    setLatency: (ms) => void (latencyMs = ms),
    reset: () => {
      requests = [];
      queue.length = 0;
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}
