import OpenAI from 'openai';
import type { ModelResponse } from '../domain/usage';

export interface OpenAIProviderOptions {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible endpoint; the SDK's default when undefined. */
  baseURL?: string;
  /** Per-call limit; a slower answer fails as ModelTimeout and Temporal retries it. */
  timeoutMs: number;
  /** The most tokens one answer may take (none when undefined); an answer cut there fails as ModelOutputInvalid and is retried. */
  maxOutputTokens?: number;
}

/** The SDK client both OpenAI providers call through. */
export function openAIClient(options: OpenAIProviderOptions): OpenAI {
  // maxRetries 0: Temporal's retry policy is the only place a call is retried, so every attempt is in history.
  return new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: 0 });
}

/** One call's answer as both providers report it: tokens as either API counts them, one call, timed from `started`. */
export function callResponse<O>(
  output: O,
  model: string,
  tokens: { input?: number; output?: number; total?: number } | undefined,
  started: number,
  requestId: string | null | undefined,
): ModelResponse<O> {
  return {
    output,
    model,
    usage: { inputTokens: tokens?.input ?? 0, outputTokens: tokens?.output ?? 0, totalTokens: tokens?.total ?? 0, calls: 1 },
    latencyMs: Date.now() - started,
    requestId: requestId ?? null,
  };
}
