import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { zodResponseFormat } from 'openai/helpers/zod';
import { FailureType } from '../domain/failures';
import type { ModelResponse } from '../domain/usage';
import { ModelError } from './errors';
import { callResponse, openAIClient, type OpenAIProviderOptions } from './openai-client';
import { toModelError } from './openai-provider';
import type { ModelProvider } from './provider';
import type { StructuredOutputDialect } from './structured-output';
import type { ModelTask } from './task';

export interface OpenAIChatProviderOptions extends OpenAIProviderOptions {
  structuredOutput: StructuredOutputDialect;
}

type ResponseFormat = ChatCompletionCreateParamsNonStreaming['response_format'];

/**
 * The Chat Completions API (what most self-hosted OpenAI-compatible servers speak) with the task's zod
 * schema as a JSON-schema structured output, and the same typed errors as the Responses provider.
 */
export class OpenAIChatProvider implements ModelProvider {
  readonly model: string;
  private readonly client;
  private readonly timeoutMs: number;
  private readonly structuredOutput: StructuredOutputDialect;
  private readonly maxOutputTokens?: number;

  constructor(options: OpenAIChatProviderOptions) {
    this.model = options.model;
    this.timeoutMs = options.timeoutMs;
    this.maxOutputTokens = options.maxOutputTokens;
    this.structuredOutput = options.structuredOutput;
    this.client = openAIClient(options);
  }

  async run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>> {
    // The SDK's helper makes the schema and its parser (JSON.parse, then the zod schema) for both dialects.
    const format = zodResponseFormat(task.output, task.name);
    const responseFormat: ResponseFormat =
      this.structuredOutput === 'json_schema' ? format : ({ type: 'json_object', schema: format.json_schema.schema } as ResponseFormat);
    const started = Date.now();
    let completion;
    try {
      // create, not parse: parse() only reads the json_schema dialect; both are parsed below by the same helper.
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: 'system', content: task.instructions },
          { role: 'user', content: JSON.stringify(input) },
        ],
        response_format: responseFormat,
        // max_tokens, not max_completion_tokens: the name self-hosted servers (llama.cpp, vLLM, Ollama) read.
        ...(this.maxOutputTokens !== undefined && { max_tokens: this.maxOutputTokens }),
      });
    } catch (err) {
      throw toModelError(err, Date.now() - started >= this.timeoutMs);
    }
    const choice = completion.choices?.[0];
    if (choice?.message.refusal) throw new ModelError(FailureType.ModelRefusal, `the model refused: ${choice.message.refusal}`);
    if (choice?.finish_reason === 'content_filter') throw new ModelError(FailureType.ModelRefusal, "the endpoint's content filter stopped the answer");
    // Cut off at the token limit: the JSON is incomplete, and another attempt may finish sooner.
    if (choice?.finish_reason === 'length') throw new ModelError(FailureType.ModelOutputInvalid, "the model's output was cut off at its token limit");
    const content = choice?.message.content;
    if (!content) throw new ModelError(FailureType.ModelOutputInvalid, 'the model returned no output');
    let output: O;
    try {
      output = format.$parseRaw(content);
    } catch (err) {
      throw toModelError(err);
    }
    const usage = completion.usage;
    const tokens = usage && { input: usage.prompt_tokens, output: usage.completion_tokens, total: usage.total_tokens };
    return callResponse(output, completion.model || this.model, tokens, started, completion._request_id);
  }
}
