import type { Embedder } from '../index/embedder.js';
import type { SearchStore, StoredVector } from '../index/search-store.js';
import { compareWithExact, K } from './compare-with-exact.js';
import { ExactScan } from './exact-scan.js';
import { type HnswMeasurement, measurementOf } from './measure-hnsw.js';

/**
 * The PostgreSQL store's HNSW (pgvector, `vector_cosine_ops`) against an exact scan over the same
 * vectors read back from the database, through the store's own `vectorSearch` — so the time
 * includes the round trip to the server, which is what a replica pays.
 */
export async function measurePgvector(
  store: SearchStore,
  stored: readonly StoredVector[],
  embedder: Embedder,
  questions: readonly string[],
): Promise<HnswMeasurement> {
  const ids = stored.map((r) => r.chunkId);
  const labelOf = new Map(ids.map((id, i) => [id, i]));
  const scan = new ExactScan(
    embedder.dimensions,
    stored.map((r, i) => ({ label: i, vector: r.vector })),
  );
  const queries: number[][] = [];
  for (const q of questions) queries.push(await embedder.embedQuery(q));
  const compared = await compareWithExact(queries, scan, async (q) =>
    (await store.vectorSearch(q, K)).map((h) => ({ score: h.score, label: labelOf.get(h.chunkId) ?? -1 })),
  );
  return measurementOf(compared, { vectors: ids.length, queries: queries.length });
}
