import { createRequire } from 'node:module';
import type pg from 'pg';

const requireFromHere = createRequire(import.meta.url);
let pgModule: typeof pg | undefined;

/**
 * The pg package, loaded on first use rather than imported: loading it costs ~50 ms even when no
 * database is configured (on Node 20 it builds a fetch `Response` to detect Cloudflare Workers,
 * which loads undici), and the local store never needs it (`npm run ask`, measured 2026-11-30).
 */
export function loadPg(): typeof pg {
  pgModule ??= requireFromHere('pg') as typeof pg;
  return pgModule;
}

export interface PgPoolOptions {
  /** `postgres://user:password@host:5432/db` */
  url: string;
  /** Connections this process opens at most (config `PG_POOL_MAX`, default 10). */
  max?: number;
  /** Called when an idle connection fails (e.g. the server restarted); the pool replaces it. */
  onError?: (err: Error) => void;
}

/** A pg.Pool with limits from config; vector queries set their connection up with `vectorSession`. */
export function createPgPool({ url, max = 10, onError = () => {} }: PgPoolOptions): pg.Pool {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max,
    // An idle connection is closed after 30 s, so an idle replica does not hold server slots.
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener an idle client's error would crash the process.
  pool.on('error', onError);
  return pool;
}

/**
 * HNSW candidate list size at query time (pgvector `hnsw.ef_search`, pgvector's default 40).
 * 100 (the local hnswlib index searches with ef 64): at the retriever's 50 candidates it returned
 * 96% of the exact top 50 on the ncpqa dev questions (README.postgres.md).
 */
export const EF_SEARCH = 100;

const prepared = new WeakSet<pg.PoolClient>();

/**
 * Sets a pooled connection up for vector search once: `hnsw.ef_search`, and pgvector 0.8's
 * iterative index scan so that a filtered search still returns k rows when the filter keeps few.
 * (Done on first use rather than in the pool's `connect` event: pg 8 deprecates queueing a query
 * there behind the caller's.)
 */
export async function vectorSession(client: pg.PoolClient, efSearch = EF_SEARCH): Promise<void> {
  if (prepared.has(client)) return;
  await client.query(`SET hnsw.ef_search = ${Math.trunc(efSearch)}; SET hnsw.iterative_scan = relaxed_order`);
  prepared.add(client);
}
