import { OFFLINE_MODEL, OfflineProvider } from './offline-provider';
import { OpenAIProvider } from './openai-provider';
import type { ModelProvider } from './provider';

/** The settings a provider is chosen and configured by (see src/config.ts). */
export interface ModelSettings {
  MODEL_PROVIDER: 'offline' | 'openai';
  OPENAI_API_KEY?: string;
  OPENAI_MODEL: string;
  OPENAI_BASE_URL?: string;
  OPENAI_TIMEOUT_MS: number;
}

/** The provider the settings ask for: OpenAI (or a compatible endpoint) with a key, offline rules without. */
export function providerFromSettings(settings: ModelSettings): ModelProvider {
  if (settings.MODEL_PROVIDER === 'offline') return new OfflineProvider();
  return new OpenAIProvider({
    apiKey: settings.OPENAI_API_KEY ?? '',
    model: settings.OPENAI_MODEL,
    baseURL: settings.OPENAI_BASE_URL,
    timeoutMs: settings.OPENAI_TIMEOUT_MS,
  });
}

/** The model name results will carry, for display before any call is made. */
export function modelLabel(settings: ModelSettings): string {
  return settings.MODEL_PROVIDER === 'openai' ? settings.OPENAI_MODEL : OFFLINE_MODEL;
}

export type { ModelProvider } from './provider';
