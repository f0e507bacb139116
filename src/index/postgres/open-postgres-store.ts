import { AppError } from '../../errors.js';
import { assertIdentity } from '../index-manifest.js';
import type { IndexIdentity } from '../search-store.js';
import { initialiseIndex, mergeExtras, readIndexMeta } from './index-meta.js';
import { runMigrations } from './migrations.js';
import { createPgPool } from './pg-pool.js';
import { inWriteTransaction } from './pg-write-transaction.js';
import { PostgresStore } from './postgres-store.js';

export interface OpenPostgresStoreOptions {
  /** `DATABASE_URL`. */
  url: string;
  /** Pool size of this process (`PG_POOL_MAX`). */
  poolMax?: number;
  /** What the caller's embedder and tokenizer are; a database built otherwise is refused (INDEX_MISMATCH). */
  identity: IndexIdentity;
  /** Record `identity` when the database holds no index yet (otherwise INDEX_NOT_READY). */
  create?: boolean;
  /** Drop everything stored and start empty (a full rebuild). */
  reset?: boolean;
  /** Values to keep with a new index (mined terms, the embedder's idf table …). */
  extras?: Record<string, unknown>;
  /** Where pool errors go (an idle connection lost when the server restarts). */
  onPoolError?: (err: Error) => void;
}

/**
 * Opens the store on `url`: runs the migrations, then checks the identity the database holds
 * against `identity` (INDEX_MISMATCH naming each field), or records it (`create`, `reset`).
 * Throws INDEX_NOT_READY when the database holds no index and `create` is not set.
 */
export async function openPostgresStore(options: OpenPostgresStoreOptions): Promise<PostgresStore> {
  const { url, poolMax, identity, create = false, reset = false, extras = {}, onPoolError } = options;
  const pool = createPgPool({ url, max: poolMax, onError: onPoolError });
  try {
    await runMigrations(pool);
    await inWriteTransaction(pool, async (db) => {
      const stored = await readIndexMeta(db);
      if (stored && !reset) {
        assertIdentity('(PostgreSQL)', stored.identity, identity);
        if (create && Object.keys(extras).length > 0) await mergeExtras(db, extras);
        return;
      }
      if (!stored && !create && !reset) {
        throw new AppError(
          'INDEX_NOT_READY',
          '数据库中没有索引, 请先运行 ingest (the database holds no index: run `npm run ingest` first)',
        );
      }
      await initialiseIndex(db, identity, extras, { reset });
    });
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new PostgresStore(pool, identity);
}
