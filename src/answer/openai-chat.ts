import type { BaseMessageLike } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { AppError } from '../errors.js';
import { openAIClient } from '../provider-client.js';
import { translateProviderError } from '../provider-errors.js';
import type { ChatMessage, ChatModel, ChatOptions } from './chat-model.js';

/** Settings of an OpenAI-compatible chat endpoint (Qwen, DeepSeek, GLM, vLLM, Ollama …). */
export interface OpenAICompatibleChatOptions {
  baseURL: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  temperature: number;
  maxTokens: number;
}

/**
 * `ChatModel` over LangChain's `ChatOpenAI`. Every option is passed explicitly: otherwise the
 * adapter reads `OPENAI_*` variables and retries six times (@langchain/openai 1.5.8, seen 2026-11-28). LangChain types stay here.
 */
export class OpenAICompatibleChat implements ChatModel {
  readonly id: string;
  private readonly client: Promise<ChatOpenAI>;
  private readonly timeoutMs: number;

  constructor(options: OpenAICompatibleChatOptions) {
    this.id = `openai:${options.model}`;
    this.timeoutMs = options.timeoutMs;
    this.client = openAIClient(
      ({ ChatOpenAI }) =>
        new ChatOpenAI({
          model: options.model,
          apiKey: options.apiKey,
          configuration: { baseURL: options.baseURL },
          timeout: options.timeoutMs,
          maxRetries: options.maxRetries,
          temperature: options.temperature,
          maxTokens: options.maxTokens,
          streamUsage: false,
          useResponsesApi: false,
        }),
    );
  }

  async complete(messages: ChatMessage[], options: ChatOptions = {}): Promise<string> {
    // The module load is not the endpoint's time: the deadline starts once the client exists.
    const client = await this.client;
    const deadline = new Deadline(this.timeoutMs, options.signal);
    try {
      const reply = await client.invoke(toLangChain(messages), { signal: deadline.signal });
      return textOf(reply.content);
    } catch (err) {
      throw deadline.translate(err, this.id);
    } finally {
      deadline.clear();
    }
  }

  /**
   * Streams text pieces. The SDK timeout covers only the wait for response headers, so a stream
   * that stalls mid-way is cut by an idle timer (reset on every piece) of the same length.
   */
  async *stream(messages: ChatMessage[], options: ChatOptions = {}): AsyncIterable<string> {
    const client = await this.client;
    const deadline = new Deadline(this.timeoutMs, options.signal);
    try {
      const iterator = await client.stream(toLangChain(messages), { signal: deadline.signal });
      for await (const chunk of iterator) {
        deadline.reset();
        const text = textOf(chunk.content);
        if (text) yield text;
      }
    } catch (err) {
      throw deadline.translate(err, this.id);
    } finally {
      deadline.clear();
    }
  }
}

/** Our own timer on top of the caller's signal, so a hung endpoint can never hang a request. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private fired = false;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    outer?: AbortSignal,
  ) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
    this.reset();
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }

  translate(err: unknown, provider: string): AppError {
    if (this.fired) {
      return new AppError('PROVIDER_TIMEOUT', `${provider}: 模型服务 ${this.ms} ms 内没有响应`, {
        cause: err,
      });
    }
    return translateProviderError(err, provider);
  }
}

const toLangChain = (messages: ChatMessage[]): BaseMessageLike[] =>
  messages.map((m) => ({ role: m.role, content: m.content }));

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? '')))
      .join('');
  }
  return '';
}
