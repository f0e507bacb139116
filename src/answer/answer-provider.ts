import type { Answer, Retrieval } from '../domain.js';

export interface AnswerOptions {
  /** Aborts upstream work, e.g. when the client disconnected. */
  signal?: AbortSignal;
}

/** Pieces of a streamed answer. The final `done` carries the complete, checked answer. */
export type AnswerEvent = { type: 'delta'; text: string } | { type: 'done'; answer: Answer };

/**
 * Composes an answer with [n] citations from retrieved passages. Implementations: the offline
 * `ExtractiveAnswerer` and the LLM-backed `GenerativeAnswerer` (any ChatModel).
 */
export interface AnswerProvider {
  readonly id: string;
  answer(question: string, retrieval: Retrieval, options?: AnswerOptions): Promise<Answer>;
  stream(question: string, retrieval: Retrieval, options?: AnswerOptions): AsyncIterable<AnswerEvent>;
}
