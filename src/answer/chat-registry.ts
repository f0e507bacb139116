import type { ChatConfig } from '../config.js';
import type { ChatModel } from './chat-model.js';
import { OpenAICompatibleChat } from './openai-chat.js';

/**
 * Config kind → chat model factory. `extractive` has no chat model (answers are composed from
 * passages), so its factory returns undefined. The mapped type makes a new `kind` in the config
 * schema without an entry here a type error.
 */
type ChatFactories = {
  [K in ChatConfig['kind']]: (config: Extract<ChatConfig, { kind: K }>) => ChatModel | undefined;
};

export const CHAT_FACTORIES: ChatFactories = {
  extractive: () => undefined,
  openai: (config) =>
    new OpenAICompatibleChat({
      baseURL: config.baseURL,
      model: config.model,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      temperature: config.temperature,
      maxTokens: config.maxTokens,
    }),
};

export function createChatModel(config: ChatConfig): ChatModel | undefined {
  const factory = CHAT_FACTORIES[config.kind] as (c: ChatConfig) => ChatModel | undefined;
  return factory(config);
}
