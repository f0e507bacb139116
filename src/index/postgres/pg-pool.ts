import pg from 'pg';

export interface PgPoolOptions {
  /** `postgres://user:password@host:5432/db` */
  url: string;
  /** Connections this process opens at most (config `PG_POOL_MAX`, default 10). */
  max?: number;
  /**
   * HNSW candidate list size at query time (pgvector `hnsw.ef_search`, default 40 in pgvector).
   * 100 matches the local store's search ef and keeps recall near 1 at 50 candidates per query.
   */
  efSearch?: number;
  /** Called when an idle connection fails (e.g. the server restarted); the pool replaces it. */
  onError?: (err: Error) => void;
}

/**
 * A pg.Pool whose connections are set up for vector search: `hnsw.ef_search`, and pgvector 0.8's
 * iterative index scan so that a filtered search still returns k rows when the filter keeps few.
 */
export function createPgPool({ url, max = 10, efSearch = 100, onError = () => {} }: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // An idle connection is closed after 30 s, so an idle replica does not hold server slots.
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  pool.on('connect', (client) => {
    client
      .query(`SET hnsw.ef_search = ${Math.trunc(efSearch)}; SET hnsw.iterative_scan = relaxed_order`)
      .catch(onError);
  });
  // Without a listener an idle client's error would crash the process.
  pool.on('error', onError);
  return pool;
}
