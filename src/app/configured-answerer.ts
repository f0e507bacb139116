import type { AnswerProvider } from '../answer/answer-provider.js';
import type { ChatModel } from '../answer/chat-model.js';
import { createChatModel } from '../answer/chat-registry.js';
import { FallbackAnswerer } from '../answer/fallback-answerer.js';
import { GenerativeAnswerer } from '../answer/generative-answerer.js';
import { loadPromptSet, type PromptSet } from '../answer/prompt-templates.js';
import type { Config } from '../config.js';

export interface ConfiguredAnswererDeps {
  config: Config;
  /** The configured chat model; undefined with CHAT_PROVIDER=extractive. */
  chat: ChatModel | undefined;
  prompts: PromptSet;
  /** The offline answerer, also the fallback when the chat model fails. */
  extractive: AnswerProvider;
  onModelCall?: (ms: number, outcome: 'ok' | 'error') => void;
  onFallback?: (err: unknown) => void;
}

/**
 * The answerer the configuration asks for: the extractive one, or the generative one over the chat
 * model with the extractive one as its fallback (FALLBACK_TO_EXTRACTIVE). Shared by the service and
 * the eval, so `npm run eval -- --provider openai` measures what the service answers.
 */
export function createConfiguredAnswerer({
  config,
  chat,
  prompts,
  extractive,
  onModelCall,
  onFallback,
}: ConfiguredAnswererDeps): AnswerProvider {
  if (!chat) return extractive;
  return new FallbackAnswerer({
    primary: new GenerativeAnswerer({ chat, prompts, referralLine: config.referralLine, onModelCall }),
    fallback: extractive,
    enabled: config.fallbackToExtractive,
    onFallback,
  });
}

/**
 * The configured answerer for a command (`npm run ask`, `npm run eval`), over the offline answerer
 * of the index it opens next: the chat model the config names (none when `withChat` is false, the
 * eval's `--provider extractive`) and the prompt set, loaded before the index so that a missing
 * template fails at once. The service makes its own (start-service.ts) to count calls and fallbacks.
 */
export async function loadConfiguredAnswerer(
  config: Config,
  { withChat = true }: { withChat?: boolean } = {},
): Promise<(extractive: AnswerProvider) => AnswerProvider> {
  const chat = withChat ? createChatModel(config.chat) : undefined;
  const prompts = await loadPromptSet();
  return (extractive) => createConfiguredAnswerer({ config, chat, prompts, extractive });
}
