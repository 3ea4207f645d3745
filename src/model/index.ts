import { OFFLINE_MODEL, OfflineProvider } from './offline-provider';
import { OpenAIChatProvider } from './openai-chat-provider';
import { OpenAIProvider } from './openai-provider';
import type { ModelProvider } from './provider';
import type { StructuredOutputDialect } from './structured-output';

/** The settings a provider is chosen and configured by (see src/config.ts). */
export interface ModelSettings {
  MODEL_PROVIDER: 'offline' | 'openai';
  OPENAI_API_KEY?: string;
  OPENAI_MODEL: string;
  OPENAI_BASE_URL?: string;
  OPENAI_TIMEOUT_MS: number;
  OPENAI_MAX_OUTPUT_TOKENS?: number;
  OPENAI_API: 'responses' | 'chat';
  OPENAI_STRUCTURED_OUTPUT: StructuredOutputDialect;
}

/** The provider the settings ask for: OpenAI (or a compatible endpoint: Responses or Chat Completions) with a key, offline rules without. */
export function providerFromSettings(settings: ModelSettings): ModelProvider {
  if (settings.MODEL_PROVIDER === 'offline') return new OfflineProvider();
  const options = {
    apiKey: settings.OPENAI_API_KEY ?? '',
    model: settings.OPENAI_MODEL,
    baseURL: settings.OPENAI_BASE_URL,
    timeoutMs: settings.OPENAI_TIMEOUT_MS,
    maxOutputTokens: settings.OPENAI_MAX_OUTPUT_TOKENS,
  };
  return settings.OPENAI_API === 'chat'
    ? new OpenAIChatProvider({ ...options, structuredOutput: settings.OPENAI_STRUCTURED_OUTPUT })
    : new OpenAIProvider(options);
}

/** The model name results will carry, for display before any call is made. */
export function modelLabel(settings: ModelSettings): string {
  return settings.MODEL_PROVIDER === 'openai' ? settings.OPENAI_MODEL : OFFLINE_MODEL;
}

export type { ModelProvider } from './provider';
