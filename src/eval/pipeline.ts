import { performance } from 'node:perf_hooks';
import type { AnswerProvider } from '../answer/answer-provider.js';
import type { Answer, Passage } from '../domain.js';
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
   * Passages handed to the answerer (the service's RETRIEVAL_K, default 6). Retrieval is scored on
   * the top k (10), but the answer must be the one the service would give.
   */
  answerK?: number;
}

/** A pipeline over the product's Retriever and an AnswerProvider (hybrid, bm25, vector). */
export function createRetrieverPipeline({
  name,
  retriever,
  mode = 'hybrid',
  answerer,
  answerK = 6,
}: RetrieverPipelineOptions): NamedPipeline {
  return {
    name,
    async run(question, k) {
      const t0 = performance.now();
      const retrieval = await retriever.retrieve(question, { k: Math.max(k, answerK), mode });
      const t1 = performance.now();
      const answer = await answerer.answer(question, {
        ...retrieval,
        passages: retrieval.passages.slice(0, answerK),
      });
      const t2 = performance.now();
      return { passages: retrieval.passages, answer, timings: { retrieveMs: t1 - t0, answerMs: t2 - t1 } };
    },
  };
}
