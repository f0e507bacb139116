import { assertChunkOf } from '../chunk-checks.js';
import type { IndexedChunk } from '../search-store.js';

/** A chunk row ready for `jsonb_to_recordset`. */
export interface ChunkRow {
  id: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  heading_path: string[];
  article: string | null;
  text: string;
  tokens: string;
  token_count: number;
  term_freqs: Record<string, number>;
  terms: string[];
  embedding: string;
}

/** A chunk with its terms and vector as a row of `chunks` (term frequencies counted here). */
export function toChunkRow(docId: string, indexed: IndexedChunk): ChunkRow {
  assertChunkOf(docId, indexed);
  const { chunk, tokens, vector } = indexed;
  const termFreqs: Record<string, number> = {};
  for (const t of tokens) if (t.length > 0) termFreqs[t] = (termFreqs[t] ?? 0) + 1;
  return {
    id: chunk.id,
    ordinal: chunkOrdinal(chunk.id),
    start_offset: chunk.start,
    end_offset: chunk.end,
    heading_path: chunk.headingPath,
    article: chunk.article ?? null,
    text: chunk.text,
    tokens: tokens.join(' '),
    token_count: tokens.length,
    term_freqs: termFreqs,
    terms: Object.keys(termFreqs),
    embedding: toVectorLiteral(vector),
  };
}

/** The ordinal in `${docId}#${ordinal}` (domain.ts), or 0 for an id of another shape. */
function chunkOrdinal(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('#') + 1));
  return Number.isInteger(n) ? n : 0;
}

/** A vector as pgvector's text literal. */
export function toVectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`;
}
