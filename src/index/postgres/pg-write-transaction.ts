import type pg from 'pg';

/**
 * Transaction-level advisory lock every write takes first ('gov-assistant:write'). Writers are
 * rare (uploads, ingest) and serialising them keeps `term_df` and `index_stats` exact without
 * deadlocks; readers never wait for it (MVCC).
 */
const WRITE_LOCK_KEY = 7_310_046_002;

/** Runs `fn` in a transaction holding the write lock; rolls back when it throws. */
export async function inWriteTransaction<T>(
  pool: pg.Pool,
  fn: (db: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
