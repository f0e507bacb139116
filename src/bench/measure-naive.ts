import type { AnswerProvider } from '../answer/answer-provider.js';
import { createNaivePipeline, type NaiveSource } from '../eval/naive-pipeline.js';
import { percentile } from '../eval/percentile.js';
import { round } from '../eval/summary.js';
import type { Embedder } from '../index/embedder.js';

export interface NaiveMeasurement {
  ingestSeconds: number;
  /** p95 ms of the naive retrieval (embed the question, exact cosine over its chunks). */
  queryP95Ms: number;
  /** p95 ms of retrieval plus the same offline answerer. */
  answerP95Ms: number;
}

/**
 * The LangChain tutorial pipeline (RecursiveCharacterTextSplitter 500/50, the same embedder, a
 * flat vector store) over the same documents in the same run: its build time and query latency.
 */
export async function measureNaive(
  deps: { source: NaiveSource; embedder: Embedder; answerer: AnswerProvider },
  questions: readonly string[],
): Promise<NaiveMeasurement> {
  const t = performance.now();
  const pipeline = await createNaivePipeline(deps);
  const ingestSeconds = (performance.now() - t) / 1000;
  for (const q of questions) await pipeline.run(q, 6);
  const retrieve: number[] = [];
  const total: number[] = [];
  for (const q of questions) {
    const { timings } = await pipeline.run(q, 6);
    retrieve.push(timings.retrieveMs);
    total.push(timings.retrieveMs + timings.answerMs);
  }
  return {
    ingestSeconds: round(ingestSeconds, 2),
    queryP95Ms: round(percentile(retrieve, 95), 3),
    answerP95Ms: round(percentile(total, 95), 3),
  };
}
