import type { AnswerProvider } from '../answer/answer-provider.js';
import { createAskStep } from '../answer/ask-step.js';
import { type Answer, type Passage, RETRIEVAL_DEFAULTS } from '../domain.js';
import type { Retriever } from '../retrieve/retriever.js';

/** What a pipeline returns for one question. */
export interface PipelineOutput {
  /** Ranked passages, best first; at least the top k asked for (hit@k looks at the first k). */
  passages: Passage[];
  answer: Answer;
  timings: { retrieveMs: number; answerMs: number };
}

/**
 * A retrieval + answer pipeline under evaluation. Small on purpose: anything that can answer a
 * question with ranked passages (offsets into document texts) and an answer can be compared.
 */
export interface NamedPipeline {
  name: string;
  run(question: string, k: number): Promise<PipelineOutput>;
}

export interface RetrieverPipelineOptions {
  name: string;
  retriever: Retriever;
  mode?: 'hybrid' | 'bm25' | 'vector';
  answerer: AnswerProvider;
  /**
   * Passages handed to the answerer (the service's RETRIEVAL_K, default `RETRIEVAL_DEFAULTS.k`). Retrieval is scored on
   * the top k (10), but the answer must be the one the service would give.
   */
  answerK?: number;
}

/** A pipeline over the product's ask step (no conversation): Retriever and AnswerProvider (hybrid, bm25, vector). */
export function createRetrieverPipeline({
  name,
  retriever,
  mode = 'hybrid',
  answerer,
  answerK = RETRIEVAL_DEFAULTS.k,
}: RetrieverPipelineOptions): NamedPipeline {
  const step = createAskStep({ retriever, answerer, answerK });
  return {
    name,
    async run(question, k) {
      const { retrieval, answer, timings, answerMs } = await step.ask({ question, k, mode });
      return { passages: retrieval.passages, answer, timings: { retrieveMs: timings.retrieveMs, answerMs } };
    },
  };
}
