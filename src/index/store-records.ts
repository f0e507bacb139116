import type { Chunk, DocumentMeta, PassageFlag } from '../domain.js';

/** A document as the local store holds it. */
export interface DocRecord {
  meta: DocumentMeta;
  text: string;
  hash: string;
  /** Ordinals of its chunks, in chunk order. */
  ordinals: number[];
}

/**
 * A chunk without its text, which is `document.text.slice(start, end)` (domain.ts); `text` is kept
 * only when a chunker broke that rule, so nothing is lost either way.
 */
export interface ChunkRecord {
  id: string;
  docId: string;
  start: number;
  end: number;
  headingPath: string[];
  article?: string;
  text?: string;
  /** Set at ingest for passages that must not be relayed (ingest/flag-passages.ts). */
  flags?: PassageFlag[];
}

export function toChunkRecord(chunk: Chunk, docText: string): ChunkRecord {
  const record: ChunkRecord = {
    id: chunk.id,
    docId: chunk.docId,
    start: chunk.start,
    end: chunk.end,
    headingPath: chunk.headingPath,
  };
  if (chunk.article !== undefined) record.article = chunk.article;
  if (chunk.flags?.length) record.flags = chunk.flags;
  if (chunk.text !== docText.slice(chunk.start, chunk.end)) record.text = chunk.text;
  return record;
}

export function toChunk(record: ChunkRecord, docText: string): Chunk {
  const chunk: Chunk = {
    id: record.id,
    docId: record.docId,
    start: record.start,
    end: record.end,
    headingPath: record.headingPath,
    text: record.text ?? docText.slice(record.start, record.end),
  };
  if (record.article !== undefined) chunk.article = record.article;
  if (record.flags?.length) chunk.flags = record.flags;
  return chunk;
}

/** documents.jsonl: one `{ meta, hash, text, ordinals }` per line. */
export function encodeDocuments(docs: Iterable<DocRecord>): string {
  const lines: string[] = [];
  for (const d of docs)
    lines.push(JSON.stringify({ meta: d.meta, hash: d.hash, ordinals: d.ordinals, text: d.text }));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function decodeDocuments(text: string): DocRecord[] {
  const out: DocRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const d = JSON.parse(line) as DocRecord;
    if (typeof d?.meta?.id !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.ordinals)) {
      throw new Error(`malformed document line: ${line.slice(0, 80)}`);
    }
    out.push(d);
  }
  return out;
}

/**
 * chunks.json: `[[ordinal, id, docId, start, end, headingPath, article | null, text | null, flags?], …]`;
 * the ninth element is present only for a flagged chunk, so indexes written before flags still load.
 */
type ChunkTuple =
  | [number, string, string, number, number, string[], string | null, string | null]
  | [number, string, string, number, number, string[], string | null, string | null, PassageFlag[]];

export function encodeChunks(chunks: Iterable<[number, ChunkRecord]>): string {
  const rows: ChunkTuple[] = [];
  for (const [ord, c] of chunks) {
    const row: ChunkTuple = [
      ord,
      c.id,
      c.docId,
      c.start,
      c.end,
      c.headingPath,
      c.article ?? null,
      c.text ?? null,
    ];
    rows.push(c.flags?.length ? [...row, c.flags] : row);
  }
  return JSON.stringify(rows);
}

export function decodeChunks(text: string): [number, ChunkRecord][] {
  const rows = JSON.parse(text) as ChunkTuple[];
  if (!Array.isArray(rows)) throw new Error('chunk list is not an array');
  return rows.map((r) => {
    if (
      !Array.isArray(r) ||
      (r.length !== 8 && r.length !== 9) ||
      typeof r[0] !== 'number' ||
      typeof r[1] !== 'string'
    ) {
      throw new Error('malformed chunk row');
    }
    const record: ChunkRecord = { id: r[1], docId: r[2], start: r[3], end: r[4], headingPath: r[5] };
    if (r[6] !== null) record.article = r[6];
    if (r[7] !== null) record.text = r[7];
    if (r.length === 9 && Array.isArray(r[8]) && r[8].length > 0) record.flags = r[8];
    return [r[0], record];
  });
}
