import type pg from 'pg';
import type { IndexIdentity } from '../search-store.js';

/** HNSW graph parameters of the embedding index (pgvector defaults are m 16, ef_construction 64). */
export const HNSW_BUILD = {
  /** Links per node; 16 as in the local store. */
  m: 16,
  /** Candidate list while building; 100 as in the local store (hnsw-index.ts). */
  efConstruction: 100,
} as const;

/** What `index_meta` holds: the identity and the extras (mined terms, embedder idf table …). */
export interface StoredIndexMeta {
  identity: IndexIdentity;
  extras: Record<string, unknown>;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** The identity and extras the database holds, or undefined when no index was created yet. */
export async function readIndexMeta(db: Queryable): Promise<StoredIndexMeta | undefined> {
  const exists = await db.query(`SELECT to_regclass('index_meta') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return undefined;
  const { rows } = await db.query(
    'SELECT schema_version, embedder_id, dimensions, tokenizer_id, extras FROM index_meta',
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    identity: {
      schemaVersion: r.schema_version,
      embedderId: r.embedder_id,
      dimensions: r.dimensions,
      tokenizerId: r.tokenizer_id,
    },
    extras: r.extras ?? {},
  };
}

/**
 * Records `identity` in an empty index and gives `chunks` its `embedding vector(d)` column and
 * HNSW index. With `reset`, everything stored is dropped first (a full rebuild; the dimension may
 * change). Runs inside the caller's transaction, which must hold the write lock.
 */
export async function initialiseIndex(
  db: Queryable,
  identity: IndexIdentity,
  extras: Record<string, unknown>,
  { reset = false }: { reset?: boolean } = {},
): Promise<void> {
  if (reset) {
    await db.query('TRUNCATE chunks, documents, term_df, index_meta');
    await db.query('UPDATE index_stats SET chunks = 0, total_tokens = 0');
    await db.query('DROP INDEX IF EXISTS chunks_embedding_hnsw');
    await db.query('ALTER TABLE chunks DROP COLUMN IF EXISTS embedding');
  }
  const dims = Math.trunc(identity.dimensions);
  await db.query(`ALTER TABLE chunks ADD COLUMN IF NOT EXISTS embedding vector(${dims}) NOT NULL`);
  await db.query(
    `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops)
     WITH (m = ${HNSW_BUILD.m}, ef_construction = ${HNSW_BUILD.efConstruction})`,
  );
  await db.query(
    `INSERT INTO index_meta (schema_version, embedder_id, dimensions, tokenizer_id, extras)
     VALUES ($1, $2, $3, $4, $5)`,
    [identity.schemaVersion, identity.embedderId, dims, identity.tokenizerId, JSON.stringify(extras)],
  );
}

/** Merges `extras` into what `index_meta` keeps (one key at a time replaces, others stay). */
export async function mergeExtras(db: Queryable, extras: Record<string, unknown>): Promise<void> {
  await db.query('UPDATE index_meta SET extras = extras || $1::jsonb', [JSON.stringify(extras)]);
}
