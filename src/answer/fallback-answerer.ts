import type { Answer, Retrieval } from '../domain.js';
import { isAppError } from '../errors.js';
import type { AnswerEvent, AnswerOptions, AnswerProvider } from './answer-provider.js';

export interface FallbackAnswererOptions {
  primary: AnswerProvider;
  /** The offline extractive answerer. */
  fallback: AnswerProvider;
  /** config.fallbackToExtractive; when false provider errors reach the client. */
  enabled: boolean;
  /** Called once per fallback, e.g. to count it and log the cause. */
  onFallback?: (err: unknown) => void;
}

const isProviderError = (err: unknown) => isAppError(err) && err.code.startsWith('PROVIDER_');

/**
 * Wraps the generative answerer: when the chat provider fails (401, 429, 5xx, timeout, refused
 * connection), answers with the extractive provider and says why in `fallbackReason`. A request the
 * client aborted is not retried: nobody is waiting for it.
 */
export class FallbackAnswerer implements AnswerProvider {
  readonly id: string;
  private readonly primary: AnswerProvider;
  private readonly fallback: AnswerProvider;
  private readonly enabled: boolean;
  private readonly onFallback: (err: unknown) => void;

  constructor({ primary, fallback, enabled, onFallback = () => {} }: FallbackAnswererOptions) {
    this.id = primary.id;
    this.primary = primary;
    this.fallback = fallback;
    this.enabled = enabled;
    this.onFallback = onFallback;
  }

  async answer(question: string, retrieval: Retrieval, options: AnswerOptions = {}): Promise<Answer> {
    try {
      return await this.primary.answer(question, retrieval, options);
    } catch (err) {
      if (!this.shouldFallBack(err, options)) throw err;
      this.onFallback(err);
      const answer = await this.fallback.answer(question, retrieval, options);
      return { ...answer, fallbackReason: reasonOf(err) };
    }
  }

  /**
   * If the primary fails after some deltas were sent, the fallback's deltas follow them; the `done`
   * answer (with `fallbackReason`) is the one clients must show.
   */
  async *stream(
    question: string,
    retrieval: Retrieval,
    options: AnswerOptions = {},
  ): AsyncIterable<AnswerEvent> {
    let failure: unknown;
    try {
      for await (const event of this.primary.stream(question, retrieval, options)) yield event;
      return;
    } catch (err) {
      if (!this.shouldFallBack(err, options)) throw err;
      failure = err;
    }
    this.onFallback(failure);
    for await (const event of this.fallback.stream(question, retrieval, options)) {
      yield event.type === 'done'
        ? { type: 'done', answer: { ...event.answer, fallbackReason: reasonOf(failure) } }
        : event;
    }
  }

  private shouldFallBack(err: unknown, options: AnswerOptions): boolean {
    return this.enabled && !options.signal?.aborted && isProviderError(err);
  }
}

/** A client-safe reason: the error code and our own message, never the vendor's body. */
function reasonOf(err: unknown): string {
  return isAppError(err) ? `${err.code}: ${err.message}` : 'PROVIDER_UNAVAILABLE';
}
