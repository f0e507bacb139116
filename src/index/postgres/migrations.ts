import type pg from 'pg';

/** One schema change, applied once and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as versioned steps. Never edit a released step: add the next one. The embedding
 * column is not here because its size (`vector(d)`) comes from the embedder: `index-meta.ts` adds
 * it, with its HNSW index, when the index identity is first recorded.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, chunks, identity, term statistics',
    sql: `
CREATE EXTENSION IF NOT EXISTS vector;

-- One row: what the index was built with (IndexIdentity) and what it keeps besides documents.
CREATE TABLE IF NOT EXISTS index_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  schema_version integer NOT NULL,
  embedder_id text NOT NULL,
  dimensions integer NOT NULL CHECK (dimensions > 0),
  tokenizer_id text NOT NULL,
  extras jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS documents (
  id text PRIMARY KEY,
  -- Insertion order, kept on replace: listDocuments returns documents in it, as the local store does.
  seq bigserial UNIQUE,
  meta jsonb NOT NULL,
  text text NOT NULL,
  content_hash text NOT NULL,
  -- 发文字号 with bracket styles unified (meta-filter.ts canonicalDocNumber), for the docNumber filter.
  doc_number_key text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS chunks (
  id text PRIMARY KEY,
  -- Insertion order: BM25 ties go to the earlier chunk, as in the local store.
  seq bigserial UNIQUE,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  heading_path text[] NOT NULL,
  article text,
  text text NOT NULL,
  -- The jieba terms, space-joined, as the tokenizer produced them (kept for inspection and rebuilds).
  tokens text NOT NULL,
  token_count integer NOT NULL,
  -- term → occurrences in this chunk: the tf of BM25.
  term_freqs jsonb NOT NULL,
  -- The distinct terms as lexemes, built with array_to_tsvector (no parser: see postgres-store.ts).
  tsv tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_document_idx ON chunks (document_id, ordinal);
CREATE INDEX IF NOT EXISTS chunks_tsv_idx ON chunks USING gin (tsv);

-- Chunks containing each term (BM25 df), maintained in the transaction that changes the chunks.
CREATE TABLE IF NOT EXISTS term_df (
  term text PRIMARY KEY,
  df integer NOT NULL
);

-- One row: number of chunks and of their tokens (BM25 N and average length).
CREATE TABLE IF NOT EXISTS index_stats (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  chunks bigint NOT NULL DEFAULT 0,
  total_tokens bigint NOT NULL DEFAULT 0
);
INSERT INTO index_stats (singleton) VALUES (true) ON CONFLICT DO NOTHING;
`,
  },
];

/** Advisory lock key that serialises migrations across replicas ('gov-assistant:migrate'). */
export const MIGRATION_LOCK_KEY = 7_310_046_001;

/**
 * Applies the migrations the database lacks, each in its own transaction, under a session
 * advisory lock so that replicas starting together apply each step once; the others wait, then
 * find nothing to do. Returns the versions this call applied.
 */
export async function runMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        await client.query('BEGIN');
        try {
          // Checked inside the transaction: a step another replica committed meanwhile is skipped.
          const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
          if (done.rowCount === 0) {
            await client.query(m.sql);
            await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
              m.version,
              m.name,
            ]);
            applied.push(m.version);
          }
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return applied;
}
