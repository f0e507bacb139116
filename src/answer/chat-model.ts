/** A chat message as sent to a chat provider. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatOptions {
  /** Aborts the upstream request (e.g. the client disconnected). */
  signal?: AbortSignal;
}

/**
 * A chat provider. LangChain types stay inside the adapters; errors are translated to AppError
 * codes (PROVIDER_AUTH, PROVIDER_RATE_LIMITED, PROVIDER_TIMEOUT, PROVIDER_UNAVAILABLE).
 */
export interface ChatModel {
  readonly id: string;
  complete(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
  stream(messages: ChatMessage[], options?: ChatOptions): AsyncIterable<string>;
}
