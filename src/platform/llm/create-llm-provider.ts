/**
 * The one place the app picks its LLM provider from configuration. No base
 * URL means no provider: generative AI is off unless someone configures it,
 * and features that use it fall back to their non-AI path.
 */
import type { LlmProvider } from './llm-provider.ts';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.ts';

export interface LlmSettings {
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  timeoutMs?: number;
}

export function createLlmProvider(settings: LlmSettings): LlmProvider | null {
  const baseUrl = settings.baseUrl?.trim();
  if (!baseUrl) return null;
  return new OpenAiCompatibleProvider({
    baseUrl,
    apiKey: settings.apiKey,
    model: settings.model,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  });
}
