import { providerFromSettings, type ModelProvider } from '../../src/model';
import type { ModelSettings } from '../../src/model';

/** One way of talking to an OpenAI-compatible endpoint: the API and, for Chat Completions, the structured-output form. */
export interface OpenAIWire {
  readonly name: string;
  readonly api: ModelSettings['OPENAI_API'];
  readonly structuredOutput: ModelSettings['OPENAI_STRUCTURED_OUTPUT'];
}

export const RESPONSES: OpenAIWire = { name: 'Responses API', api: 'responses', structuredOutput: 'json_schema' };
export const CHAT_JSON_SCHEMA: OpenAIWire = { name: 'Chat Completions, json_schema', api: 'chat', structuredOutput: 'json_schema' };
export const CHAT_JSON_OBJECT: OpenAIWire = { name: "Chat Completions, llama.cpp's json_object + schema", api: 'chat', structuredOutput: 'json_object_schema' };
export const OPENAI_WIRES: readonly OpenAIWire[] = [RESPONSES, CHAT_JSON_SCHEMA, CHAT_JSON_OBJECT];

/** The provider the worker would build for these settings (src/model's own choice), pointed at baseURL. */
export function providerOver(
  wire: OpenAIWire,
  baseURL: string,
  options: { apiKey?: string; model?: string; timeoutMs?: number; maxOutputTokens?: number } = {},
): ModelProvider {
  return providerFromSettings({
    MODEL_PROVIDER: 'openai',
    OPENAI_API_KEY: options.apiKey ?? 'sk-test-not-a-secret',
    OPENAI_MODEL: options.model ?? 'gpt-5.4-mini',
    OPENAI_BASE_URL: baseURL,
    OPENAI_TIMEOUT_MS: options.timeoutMs ?? 2_000,
    OPENAI_MAX_OUTPUT_TOKENS: options.maxOutputTokens,
    OPENAI_API: wire.api,
    OPENAI_STRUCTURED_OUTPUT: wire.structuredOutput,
  });
}
