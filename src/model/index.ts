import type { Settings } from '../config';
import { OfflineProvider } from './offline-provider';
import { OpenAIProvider } from './openai-provider';
import type { ModelProvider } from './provider';

/** The provider the settings ask for: OpenAI (or a compatible endpoint) with a key, offline rules without. */
export function providerFromSettings(settings: Settings): ModelProvider {
  if (settings.MODEL_PROVIDER === 'offline') return new OfflineProvider();
  return new OpenAIProvider({
    apiKey: settings.OPENAI_API_KEY ?? '',
    model: settings.OPENAI_MODEL,
    baseURL: settings.OPENAI_BASE_URL,
    timeoutMs: settings.OPENAI_TIMEOUT_MS,
  });
}

export type { ModelProvider } from './provider';
