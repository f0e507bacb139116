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

/** Bytes decoded per step of the decoders below: ~5 ms of parsing here. */
const DECODE_STEP_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

export function decodeDocuments(data: Buffer | string): DocRecord[] {
  return runAtOnce(decodeDocumentsSteps(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
}

/**
 * `decodeDocuments` as steps for `runSliced`: a line at a time from the bytes (a raw newline never
 * occurs inside a JSON line), yielding after each `DECODE_STEP_BYTES`, so no step converts or
 * parses the whole file (33 MB for the full corpus: 0.43 s in one go, measured 2026-11-30).
 */
export function* decodeDocumentsSteps(data: Buffer): Generator<void, DocRecord[]> {
  const out: DocRecord[] = [];
  let stepStart = 0;
  for (let at = 0; at < data.length; ) {
    const newline = data.indexOf(NEWLINE, at);
    const end = newline < 0 ? data.length : newline;
    if (end > at) {
      const line = data.toString('utf8', at, end);
      const d = JSON.parse(line) as DocRecord;
      if (typeof d?.meta?.id !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.ordinals)) {
        throw new Error(`malformed document line: ${line.slice(0, 80)}`);
      }
      out.push(d);
    }
    at = end + 1;
    if (at - stepStart >= DECODE_STEP_BYTES) {
      stepStart = at;
      yield;
    }
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

export function decodeChunks(data: Buffer | string): [number, ChunkRecord][] {
  return runAtOnce(decodeChunksSteps(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * `decodeChunks` as steps for `runSliced`: the bytes are scanned for the ends of rows (brackets
 * outside strings; these ASCII bytes never occur inside a multi-byte UTF-8 character) and each run
 * of rows of about `DECODE_STEP_BYTES` is parsed in one step (15 MB for the full corpus: 0.25 s in
 * one go, measured 2026-11-30).
 */
export function* decodeChunksSteps(data: Buffer): Generator<void, [number, ChunkRecord][]> {
  let first = 0;
  while (first < data.length && data[first] !== OPEN) first++;
  if (first >= data.length) throw new Error('chunk list is not an array');
  const out: [number, ChunkRecord][] = [];
  let depth = 1;
  let inString = false;
  let rowsFrom = first + 1;
  for (let i = first + 1; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN) depth++;
    else if (c === CLOSE) {
      depth--;
      const listEnds = depth === 0;
      if (listEnds || (depth === 1 && i + 1 - rowsFrom >= DECODE_STEP_BYTES)) {
        const end = listEnds ? i : i + 1;
        let from = rowsFrom;
        while (from < end && (data[from] === 0x2c || data[from] <= 0x20)) from++;
        if (from < end)
          for (const row of JSON.parse(`[${data.toString('utf8', from, end)}]`) as unknown[])
            out.push(chunkRow(row));
        rowsFrom = end;
        if (listEnds) return out;
        yield;
      }
    }
  }
  throw new Error('chunk list is not an array');
}

function chunkRow(r: unknown): [number, ChunkRecord] {
  if (
    !Array.isArray(r) ||
    (r.length !== 8 && r.length !== 9) ||
    typeof r[0] !== 'number' ||
    typeof r[1] !== 'string'
  ) {
    throw new Error('malformed chunk row');
  }
  const t = r as ChunkTuple;
  const record: ChunkRecord = { id: t[1], docId: t[2], start: t[3], end: t[4], headingPath: t[5] };
  if (t[6] !== null) record.article = t[6];
  if (t[7] !== null) record.text = t[7];
  if (t.length === 9 && Array.isArray(t[8]) && t[8].length > 0) record.flags = t[8];
  return [t[0], record];
}
