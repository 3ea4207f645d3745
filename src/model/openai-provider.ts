import { APIConnectionError, APIConnectionTimeoutError, APIError, type OpenAI } from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { ZodError } from 'zod';
import { FailureType } from '../domain/failures';
import { schemaProblems } from '../domain/schema-problems';
import type { ModelResponse } from '../domain/usage';
import { ModelError, failureTypeForStatus, parseRetryAfter } from './errors';
import { callResponse, openAIClient, type OpenAIProviderOptions } from './openai-client';
import type { ModelProvider } from './provider';
import type { ModelTask } from './task';

export type { OpenAIProviderOptions } from './openai-client';

/** The OpenAI Responses API with structured outputs from the task's zod schema. */
export class OpenAIProvider implements ModelProvider {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;
  private readonly maxOutputTokens?: number;

  constructor(options: OpenAIProviderOptions) {
    this.model = options.model;
    this.timeoutMs = options.timeoutMs;
    this.maxOutputTokens = options.maxOutputTokens;
    this.client = openAIClient(options);
  }

  async run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>> {
    const started = Date.now();
    let response;
    try {
      response = await this.client.responses.parse({
        model: this.model,
        instructions: task.instructions,
        input: JSON.stringify(input),
        text: { format: zodTextFormat(task.output, task.name) },
        ...(this.maxOutputTokens !== undefined && { max_output_tokens: this.maxOutputTokens }),
      });
    } catch (err) {
      throw toModelError(err, Date.now() - started >= this.timeoutMs);
    }
    const refusal = response.output.flatMap((item) => (item.type === 'message' ? item.content : [])).find((part) => part.type === 'refusal');
    if (refusal && refusal.type === 'refusal') {
      throw new ModelError(FailureType.ModelRefusal, `the model refused: ${refusal.refusal}`);
    }
    // Cut off (e.g. at the token limit): the SDK leaves the half answer unparsed; another attempt may finish.
    if (response.status === 'incomplete') {
      throw new ModelError(FailureType.ModelOutputInvalid, `the model's output was cut off: ${response.incomplete_details?.reason ?? 'incomplete'}`);
    }
    const output = response.output_parsed as O | null;
    if (output === null || output === undefined) {
      throw new ModelError(FailureType.ModelOutputInvalid, 'the model returned no output');
    }
    const usage = response.usage;
    const tokens = usage && { input: usage.input_tokens, output: usage.output_tokens, total: usage.total_tokens };
    return callResponse(output, response.model ?? this.model, tokens, started, response._request_id);
  }
}

/**
 * Turns whatever the SDK threw into a classified ModelError; the message never carries the API key.
 * `timedOut` says the call ran its full time limit: the SDK's own timeout error is not recognised in
 * every JS realm (a test runner's sandbox reports it as a plain connection error).
 */
export function toModelError(err: unknown, timedOut = false): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof APIConnectionTimeoutError || (err instanceof APIConnectionError && timedOut)) {
    return new ModelError(FailureType.ModelTimeout, 'the model call timed out');
  }
  if (err instanceof APIConnectionError) {
    return new ModelError(FailureType.ModelConnection, `cannot reach the model endpoint: ${err.message}`);
  }
  if (err instanceof APIError && err.status !== undefined) {
    const type = failureTypeForStatus(err.status);
    return new ModelError(type, `model endpoint answered ${err.status}: ${err.message}`, parseRetryAfter(err.headers), err.status);
  }
  if (err instanceof SyntaxError) {
    return new ModelError(FailureType.ModelOutputInvalid, `the model's output is not valid JSON: ${err.message}`);
  }
  if (err instanceof ZodError) {
    const issues = schemaProblems(err, '(root)').join('; ');
    return new ModelError(FailureType.ModelOutputInvalid, `the model's output breaks the schema: ${issues}`);
  }
  return new ModelError(FailureType.ModelUnavailable, `model call failed: ${err instanceof Error ? err.message : String(err)}`);
}
