import type { AnswerProvider } from '../answer/answer-provider.js';
import { RETRIEVAL_DEFAULTS } from '../domain.js';
import type { Retriever } from '../retrieve/retriever.js';
import { type LatencySummary, summarise } from './percentiles.js';

export interface QueryLatencies {
  bm25: LatencySummary;
  vector: LatencySummary;
  hybrid: LatencySummary;
  /** Hybrid retrieval plus the answer, per question. */
  answer: LatencySummary;
  questions: number;
}

/**
 * In-process latency per question (ms) of each retrieval mode and of retrieve + answer. One
 * warm-up pass over all questions first (JIT, caches, lazy dictionary loads), then one timed pass
 * per mode.
 */
export async function measureQueries(
  {
    retriever,
    answerer,
    k = RETRIEVAL_DEFAULTS.k,
  }: { retriever: Retriever; answerer: AnswerProvider; k?: number },
  questions: readonly string[],
): Promise<QueryLatencies> {
  for (const q of questions) await answerer.answer(q, await retriever.retrieve(q, { k }));
  const timed = async (run: (q: string) => Promise<unknown>): Promise<LatencySummary> => {
    const ms: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      await run(q);
      ms.push(performance.now() - t);
    }
    return summarise(ms);
  };
  return {
    bm25: await timed((q) => retriever.retrieve(q, { k, mode: 'bm25' })),
    vector: await timed((q) => retriever.retrieve(q, { k, mode: 'vector' })),
    hybrid: await timed((q) => retriever.retrieve(q, { k, mode: 'hybrid' })),
    answer: await timed(async (q) => answerer.answer(q, await retriever.retrieve(q, { k }))),
    questions: questions.length,
  };
}
