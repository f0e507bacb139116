import type { Chunk, DocumentMeta, PassageFlag } from '../domain.js';
import { runAtOnce } from './cooperative.js';

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
  return runAtOnce(encodeDocumentsSteps(docs)).toString('utf8');
}

/**
 * `encodeDocuments` as steps for `runSliced` (one document a step), as UTF-8 bytes: each line is
 * encoded in its own step, so no step converts the whole file (~100 MB for the full corpus).
 */
export function* encodeDocumentsSteps(docs: Iterable<DocRecord>): Generator<void, Buffer> {
  const lines: Buffer[] = [];
  for (const d of docs) {
    const line = JSON.stringify({ meta: d.meta, hash: d.hash, ordinals: d.ordinals, text: d.text });
    lines.push(Buffer.from(`${line}\n`, 'utf8'));
    yield;
  }
  return Buffer.concat(lines);
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
  return runAtOnce(encodeChunksSteps(chunks)).toString('utf8');
}

/** Chunks turned into rows per step of `encodeChunksSteps`. */
const CHUNK_STEP = 500;

/**
 * `encodeChunks` as steps for `runSliced`, as UTF-8 bytes. The rows are written as JSON a step at
 * a time and joined, which gives the same text as one `JSON.stringify` of all rows.
 */
export function* encodeChunksSteps(chunks: Iterable<[number, ChunkRecord]>): Generator<void, Buffer> {
  const parts: Buffer[] = [];
  let rows: ChunkTuple[] = [];
  const emit = () => {
    const json = JSON.stringify(rows).slice(1, -1);
    parts.push(Buffer.from(parts.length > 0 ? `,${json}` : json, 'utf8'));
    rows = [];
  };
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
    if (rows.length === CHUNK_STEP) {
      emit();
      yield;
    }
  }
  if (rows.length > 0) emit();
  return Buffer.concat([Buffer.from('['), ...parts, Buffer.from(']')]);
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
