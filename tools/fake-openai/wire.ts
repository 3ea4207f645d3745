import { randomUUID } from 'node:crypto';
import { zodResponseFormat } from 'openai/helpers/zod';
import { MODEL_TASKS } from '../../src/model/tasks';
import type { StructuredOutputDialect } from '../../src/model/structured-output';
import type { Answer } from './faults';

/** The two OpenAI APIs the fake speaks, by path. */
export const API_PATHS = { '/v1/responses': 'responses', '/v1/chat/completions': 'chat' } as const;
export type WireApi = (typeof API_PATHS)[keyof typeof API_PATHS];

/** What the fake needs from a request, whichever API it came by. */
export interface TaskRequest {
  task: string;
  instructions: string;
  /** The task's input as the provider serialised it (JSON). */
  input: string;
  model?: string;
  /** The Chat Completions structured-output dialect it used; undefined for the Responses API. */
  dialect?: StructuredOutputDialect;
  /** The answer's token limit it asked for (Responses: max_output_tokens; Chat: max_tokens, the name self-hosted servers read); undefined for none. */
  maxOutputTokens?: number;
}

/** A request the fake refuses: the status (400 unless said), the message, and what it could read of the task. */
export interface RequestRefused {
  problem: string;
  status?: number;
  type?: string;
  task: string | null;
  model?: string;
}

type Body = Record<string, unknown>;
const known = () => [...MODEL_TASKS.keys()].join(', ');
const tokenLimit = (value: unknown) => (typeof value === 'number' ? value : undefined);

// Each task's JSON schema as the SDK's helper writes it: how a json_object request (which names no task) is told apart.
const taskBySchema = new Map([...MODEL_TASKS.values()].map((t) => [JSON.stringify(zodResponseFormat(t.output, t.name).json_schema.schema), t.name]));

/** Reads a request of either API into a TaskRequest, or says why it cannot. */
export function readRequest(api: WireApi, body: Body, dialects: readonly StructuredOutputDialect[]): TaskRequest | RequestRefused {
  return api === 'responses' ? readResponses(body) : readChat(body, dialects);
}

function readResponses(body: Body): TaskRequest | RequestRefused {
  const model = typeof body.model === 'string' ? body.model : undefined;
  const name = (body.text as { format?: { name?: unknown } } | undefined)?.format?.name;
  const task = typeof name === 'string' ? name : null;
  if (!task || !MODEL_TASKS.has(task) || typeof body.input !== 'string') {
    return { task, model, problem: `unknown task "${task}" or input not a string (known: ${known()})` };
  }
  return {
    task,
    model,
    instructions: typeof body.instructions === 'string' ? body.instructions : '',
    input: body.input,
    maxOutputTokens: tokenLimit(body.max_output_tokens),
  };
}

function readChat(body: Body, dialects: readonly StructuredOutputDialect[]): TaskRequest | RequestRefused {
  const model = typeof body.model === 'string' ? body.model : undefined;
  const format = (body.response_format ?? {}) as { type?: unknown; json_schema?: { name?: unknown }; schema?: unknown };
  let task: string | null = null;
  let dialect: StructuredOutputDialect;
  if (format.type === 'json_schema') {
    dialect = 'json_schema';
    task = typeof format.json_schema?.name === 'string' ? format.json_schema.name : null;
  } else if (format.type === 'json_object' && format.schema !== undefined) {
    dialect = 'json_object_schema';
    task = taskBySchema.get(JSON.stringify(format.schema)) ?? null;
    if (!task) return { task, model, problem: `response_format.schema is no task's schema (known: ${known()})` };
  } else {
    return { task, model, problem: 'response_format must be {type: "json_schema", json_schema} or {type: "json_object", schema}' };
  }
  // As llama-cpp-python's server answers a form it does not take: a 500 carrying its validation error.
  if (!dialects.includes(dialect)) {
    return {
      task,
      model,
      status: 500,
      type: 'internal_server_error',
      problem: `1 validation error: response_format.type: Input should be 'text' or 'json_object' (fake), got "${format.type}"`,
    };
  }
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ role?: unknown; content?: unknown }>) : [];
  const system = messages.find((m) => m.role === 'system' || m.role === 'developer');
  const user = messages.filter((m) => m.role === 'user').at(-1);
  if (!task || !MODEL_TASKS.has(task) || typeof user?.content !== 'string') {
    return { task, model, problem: `unknown task "${task}" or no user message with string content (known: ${known()})` };
  }
  return {
    task,
    model,
    dialect,
    instructions: typeof system?.content === 'string' ? system.content : '',
    input: user.content,
    maxOutputTokens: tokenLimit(body.max_tokens),
  };
}

const id = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '')}`;

/** The 200 body of the API the request came by, carrying the answer. */
export function answerBody(api: WireApi, request: TaskRequest, answer: Answer, tokens: { input: number; output: number }): unknown {
  const created = Math.floor(Date.now() / 1000);
  const cut = answer !== null && 'cut' in answer && answer.cut === true;
  if (api === 'chat') {
    return {
      id: id('chatcmpl_'),
      object: 'chat.completion',
      created,
      model: request.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: answer && 'text' in answer ? answer.text : null,
            refusal: answer && 'refusal' in answer ? answer.refusal : null,
          },
          finish_reason: cut ? 'length' : 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: tokens.input, completion_tokens: tokens.output, total_tokens: tokens.input + tokens.output },
    };
  }
  const content =
    answer === null ? [] : 'text' in answer ? [{ type: 'output_text', text: answer.text, annotations: [] }] : [{ type: 'refusal', refusal: answer.refusal }];
  return {
    id: id('resp_'),
    object: 'response',
    created_at: created,
    status: cut ? 'incomplete' : 'completed',
    model: request.model,
    output: content.length === 0 ? [] : [{ type: 'message', id: 'msg_fake', status: 'completed', role: 'assistant', content }],
    usage: {
      input_tokens: tokens.input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: tokens.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: tokens.input + tokens.output,
    },
    error: null,
    incomplete_details: cut ? { reason: 'max_output_tokens' } : null,
    instructions: request.instructions || null,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
  };
}
