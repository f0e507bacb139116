import type pg from 'pg';
import type { Chunk, DocumentMeta, MetaFilter, SourceDocument } from '../../domain.js';
import { allOfParts } from '../../text/all-of-terms.js';
import { bm25Idf } from '../bm25-scoring.js';
import { assertVectorSize } from '../chunk-checks.js';
import { canonicalDocNumber } from '../meta-filter.js';
import type {
  IndexedChunk,
  IndexIdentity,
  SearchStore,
  StoredDocument,
  StoredVector,
  StoreHit,
} from '../search-store.js';
import { mergeExtras } from './index-meta.js';
import { bm25Sql, PARTS_SEPARATOR, partsQuery, weightQuery } from './pg-bm25.js';
import { toChunkRow, toVectorLiteral } from './pg-chunk-row.js';
import { filterCondition } from './pg-filter.js';
import { vectorSession } from './pg-pool.js';
import { adjustTermStats } from './pg-term-stats.js';
import { inWriteTransaction } from './pg-write-transaction.js';

/**
 * The SearchStore on PostgreSQL + pgvector: every replica of the service opens one over the same
 * database and sees every other replica's changes at once. A document and its chunks are replaced
 * in one transaction, so no reader sees half of one. Keyword search is BM25 computed in SQL over
 * the jieba terms (the same formula and parameters as the local store); vector search is pgvector
 * HNSW with cosine distance.
 */
export class PostgresStore implements SearchStore {
  readonly identity: IndexIdentity;
  readonly pool: pg.Pool;
  private closed = false;

  /** Use `openPostgresStore`. */
  constructor(pool: pg.Pool, identity: IndexIdentity) {
    this.pool = pool;
    this.identity = identity;
  }

  async documentHash(id: string): Promise<string | undefined> {
    const { rows } = await this.pool.query('SELECT content_hash FROM documents WHERE id = $1', [id]);
    return rows[0]?.content_hash;
  }

  async upsertDocument(doc: SourceDocument, chunks: IndexedChunk[]): Promise<void> {
    const rows = chunks.map((c) => {
      this.checkDimensions(`chunk ${c.chunk.id}`, c.vector);
      return toChunkRow(doc.id, c);
    });
    await this.write(async (db) => {
      await adjustTermStats(db, doc.id, -1);
      await db.query('DELETE FROM chunks WHERE document_id = $1', [doc.id]);
      await db.query(
        `INSERT INTO documents (id, meta, text, content_hash, doc_number_key)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET meta = excluded.meta, text = excluded.text,
           content_hash = excluded.content_hash, doc_number_key = excluded.doc_number_key, updated_at = now()`,
        [doc.id, JSON.stringify(doc.meta), doc.text, doc.hash, canonicalDocNumber(doc.meta.docNumber ?? '')],
      );
      if (rows.length > 0) {
        await db.query(
          `INSERT INTO chunks (id, document_id, ordinal, start_offset, end_offset, heading_path, article, text,
                               tokens, token_count, term_freqs, tsv, embedding)
           SELECT r.id, $1, r.ordinal, r.start_offset, r.end_offset, r.heading_path, r.article, r.text,
                  r.tokens, r.token_count, r.term_freqs, array_to_tsvector(r.terms), r.embedding::vector
           FROM jsonb_to_recordset($2::jsonb) AS r(id text, ordinal int, start_offset int, end_offset int,
             heading_path text[], article text, text text, tokens text, token_count int, term_freqs jsonb,
             terms text[], embedding text)
           ORDER BY r.ordinal`,
          [doc.id, JSON.stringify(rows)],
        );
      }
      await adjustTermStats(db, doc.id, 1);
    });
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.write(async (db) => {
      await adjustTermStats(db, id, -1);
      const { rowCount } = await db.query('DELETE FROM documents WHERE id = $1', [id]);
      return (rowCount ?? 0) > 0;
    });
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const { rows } = await this.pool.query(
      `SELECT meta, text, content_hash,
              (SELECT coalesce(json_agg(json_build_array(c.id, c.start_offset, c.end_offset, c.heading_path,
                        c.article, c.text) ORDER BY c.ordinal), '[]'::json)
               FROM chunks c WHERE c.document_id = d.id) AS chunks
       FROM documents d WHERE d.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    const chunks = (r.chunks as ChunkTuple[]).map((t) => toChunk(id, t));
    return { meta: r.meta, text: r.text, hash: r.content_hash, chunks };
  }

  async listDocuments(filter?: MetaFilter): Promise<DocumentMeta[]> {
    const cond = filterCondition(filter, 1);
    const { rows } = await this.pool.query(
      `SELECT d.meta FROM documents d ${cond ? `WHERE ${cond.sql}` : ''} ORDER BY d.seq`,
      cond?.params ?? [],
    );
    return rows.map((r) => r.meta as DocumentMeta);
  }

  async getChunks(ids: string[]): Promise<Chunk[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query(
      `SELECT id, document_id, start_offset, end_offset, heading_path, article, text
       FROM chunks WHERE id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(
      rows.map((r) => [
        r.id as string,
        toChunk(r.document_id, [r.id, r.start_offset, r.end_offset, r.heading_path, r.article, r.text]),
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async keywordSearch(terms: string[][], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    if (k <= 0 || terms.length === 0) return [];
    const { df, chunks, allOf } = await this.termStats(terms.flat());
    if (chunks === 0) return [];
    const query = weightQuery(terms, df, chunks);
    if (query.terms.length === 0) return [];
    const cond = filterCondition(filter, 7);
    const parts = query.terms.map((t) => (allOf.has(t.term) ? (allOfParts(t.term) ?? [t.term]) : [t.term]));
    const { rows } = await this.pool.query(bm25Sql(cond?.sql), [
      query.terms.map((t) => t.term),
      query.terms.map((t) => t.group),
      query.terms.map((t) => t.weight),
      parts.map(partsQuery),
      k,
      parts.map((p) => p.join(PARTS_SEPARATOR)),
      ...(cond?.params ?? []),
    ]);
    return rows.map((r, i) => {
      const present = new Set(r.terms as string[]);
      return {
        chunkId: r.id,
        score: Number(r.score),
        rank: i + 1,
        // In query order, as the local store reports them.
        matchedTerms: query.usedGroups.flatMap((g) => g.filter((t) => present.has(t))),
      };
    });
  }

  async vectorSearch(vector: number[], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    if (k <= 0) return [];
    this.checkDimensions('query', vector);
    const cond = filterCondition(filter, 3);
    const client = await this.pool.connect();
    let rows: { id: string; seq: string; distance: number }[];
    try {
      await vectorSession(client);
      ({ rows } = await client.query(
        `SELECT c.id, c.seq, c.embedding <=> $1::vector AS distance
       FROM chunks c ${cond ? `JOIN documents d ON d.id = c.document_id WHERE ${cond.sql}` : ''}
       ORDER BY c.embedding <=> $1::vector
       LIMIT $2`,
        [toVectorLiteral(vector), k, ...(cond?.params ?? [])],
      ));
    } finally {
      client.release();
    }
    // relaxed_order iterative scans may return rows slightly out of order: sort as the local store does.
    return rows
      .map((r) => ({ chunkId: r.id as string, seq: Number(r.seq), score: 1 - Number(r.distance) }))
      .sort((a, b) => b.score - a.score || a.seq - b.seq)
      .map((h, i) => ({ chunkId: h.chunkId, score: h.score, rank: i + 1 }));
  }

  async idf(terms: string[]): Promise<Map<string, number>> {
    const { df, chunks } = await this.termStats(terms);
    return new Map(terms.map((t) => [t, bm25Idf(chunks, df.get(t) ?? 0)]));
  }

  async stats(): Promise<{ documents: number; chunks: number }> {
    const { rows } = await this.pool.query(
      'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT chunks FROM index_stats) AS chunks',
    );
    return { documents: Number(rows[0].documents), chunks: Number(rows[0].chunks) };
  }

  /** A value kept with the index (`index_meta.extras`). */
  async getExtra<T = unknown>(key: string): Promise<T | undefined> {
    const { rows } = await this.pool.query('SELECT extras -> $1 AS value FROM index_meta', [key]);
    return (rows[0]?.value ?? undefined) as T | undefined;
  }

  /** Keeps a JSON-serialisable value with the index, visible to every replica. */
  async setExtra(key: string, value: unknown): Promise<void> {
    await this.write((db) => mergeExtras(db, { [key]: value }));
  }

  /** Every stored vector in insertion order (`npm run bench` scans them exactly). */
  async storedVectors(): Promise<StoredVector[]> {
    const { rows } = await this.pool.query<{ id: string; embedding: string }>(
      'SELECT id, embedding::text AS embedding FROM chunks ORDER BY seq',
    );
    return rows.map((r) => ({ chunkId: r.id, vector: JSON.parse(r.embedding) as number[] }));
  }

  /** The size of the whole database, bytes. */
  async bytesOnDisk(): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  /** Every change is committed when its call returns: nothing to flush. */
  async flush(): Promise<void> {}

  /** Closes this process's connections (the database and its data stay). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Runs `fn` in one transaction holding the write lock. */
  private async write<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('PostgresStore is closed');
    return inWriteTransaction(this.pool, fn);
  }

  /**
   * Chunk counts of `terms`; an all-of term (all-of-terms.ts) the index does not hold whole counts
   * the chunks holding every part, as the local store does, and is listed in `allOf`.
   */
  private async termStats(
    terms: string[],
  ): Promise<{ df: Map<string, number>; chunks: number; allOf: Set<string> }> {
    const { rows } = await this.pool.query(
      `SELECT t.term, t.df, s.chunks FROM index_stats s
       LEFT JOIN term_df t ON t.term = ANY($1::text[])`,
      [[...new Set(terms)]],
    );
    const df = new Map<string, number>();
    for (const r of rows) if (r.term !== null && r.df > 0) df.set(r.term, r.df);
    const allOf = new Set(terms.filter((t) => !df.has(t) && allOfParts(t) !== undefined));
    if (allOf.size > 0) {
      const list = [...allOf];
      const counted = await this.pool.query(
        `SELECT q.term, (SELECT count(*) FROM chunks c WHERE c.tsv @@ q.tq::tsquery) AS df
         FROM unnest($1::text[], $2::text[]) AS q(term, tq)`,
        [list, list.map((t) => partsQuery(allOfParts(t) ?? [t]))],
      );
      for (const r of counted.rows) if (Number(r.df) > 0) df.set(r.term, Number(r.df));
    }
    return { df, chunks: Number(rows[0]?.chunks ?? 0), allOf };
  }

  private checkDimensions(what: string, vector: number[]): void {
    assertVectorSize(what, vector, this.identity.dimensions);
  }
}

/** `[id, start, end, headingPath, article, text]` as the queries return a chunk. */
type ChunkTuple = [string, number, number, string[], string | null, string];

function toChunk(docId: string, [id, start, end, headingPath, article, text]: ChunkTuple): Chunk {
  const chunk: Chunk = { id, docId, start, end, headingPath, text };
  if (article !== null) chunk.article = article;
  return chunk;
}
