import type { Embedder } from '../index/embedder.js';
import type { PostgresStore } from '../index/postgres/postgres-store.js';
import { ExactScan } from './exact-scan.js';
import type { HnswMeasurement } from './measure-hnsw.js';
import { summarise } from './percentiles.js';
import { labelRecallAtK, mean, recallAtK } from './recall.js';

/** Neighbours compared per query, as for the local graph. */
const K = 10;

/**
 * The PostgreSQL store's HNSW (pgvector, `vector_cosine_ops`) against an exact scan over the same
 * vectors read back from the database, through the store's own `vectorSearch` — so the time
 * includes the round trip to the server, which is what a replica pays.
 */
export async function measurePgvector(
  store: PostgresStore,
  embedder: Embedder,
  questions: readonly string[],
): Promise<HnswMeasurement> {
  const { rows } = await store.pool.query<{ id: string; embedding: string }>(
    'SELECT id, embedding::text AS embedding FROM chunks ORDER BY seq',
  );
  const ids = rows.map((r) => r.id);
  const labelOf = new Map(ids.map((id, i) => [id, i]));
  const scan = new ExactScan(
    embedder.dimensions,
    rows.map((r, i) => ({ label: i, vector: JSON.parse(r.embedding) as number[] })),
  );
  const queries: number[][] = [];
  for (const q of questions) queries.push(await embedder.embedQuery(q));
  const pgMs: number[] = [];
  const exactMs: number[] = [];
  const recalls: number[] = [];
  const labelRecalls: number[] = [];
  for (const q of queries) {
    let t = performance.now();
    const approx = await store.vectorSearch(q, K);
    pgMs.push(performance.now() - t);
    t = performance.now();
    const exact = scan.search(q, K);
    exactMs.push(performance.now() - t);
    // pgvector's cosine distance is computed in float32: allow the same tolerance as for hnswlib.
    recalls.push(
      recallAtK(
        approx.map((h) => h.score),
        exact.map((h) => h.score),
        K,
        1e-5,
      ),
    );
    labelRecalls.push(
      labelRecallAtK(
        approx.map((h) => labelOf.get(h.chunkId) ?? -1),
        exact.map((h) => h.label),
        K,
      ),
    );
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    recallAt10: mean(recalls),
    labelRecallAt10: mean(labelRecalls),
    speedupVsExact: total(exactMs) / Math.max(total(pgMs), 1e-9),
    hnswMs: summarise(pgMs),
    exactMs: summarise(exactMs),
    params: { vectors: ids.length, queries: queries.length },
    sweep: [],
  };
}
