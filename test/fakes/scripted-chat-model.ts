import type { ChatMessage, ChatModel, ChatOptions } from '../../src/answer/chat-model.js';

type Reply = string | Error | { pieces: string[]; delayMs?: number };

/**
 * A chat model that answers from a queue of scripted replies and records every call. A reply may
 * be a string (streamed in small pieces), an Error (thrown), or explicit pieces with a delay.
 * An empty queue is an error, so a test notices an unexpected call.
 */
export class ScriptedChatModel implements ChatModel {
  readonly id: string;
  readonly calls: { messages: ChatMessage[]; mode: 'complete' | 'stream'; signal?: AbortSignal }[] = [];
  private readonly replies: Reply[] = [];

  constructor(id = 'scripted') {
    this.id = id;
  }

  queue(...replies: Reply[]): this {
    this.replies.push(...replies);
    return this;
  }

  private next(): Reply {
    const reply = this.replies.shift();
    if (reply === undefined) throw new Error('ScriptedChatModel: no reply queued');
    return reply;
  }

  async complete(messages: ChatMessage[], options: ChatOptions = {}): Promise<string> {
    this.calls.push({ messages, mode: 'complete', signal: options.signal });
    const reply = this.next();
    if (reply instanceof Error) throw reply;
    return typeof reply === 'string' ? reply : reply.pieces.join('');
  }

  async *stream(messages: ChatMessage[], options: ChatOptions = {}): AsyncIterable<string> {
    this.calls.push({ messages, mode: 'stream', signal: options.signal });
    const reply = this.next();
    if (reply instanceof Error) throw reply;
    const pieces = typeof reply === 'string' ? (reply.match(/.{1,6}/gsu) ?? []) : reply.pieces;
    const delayMs = typeof reply === 'string' ? 0 : (reply.delayMs ?? 0);
    for (const piece of pieces) {
      if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      yield piece;
    }
  }
}
