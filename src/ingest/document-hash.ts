import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../domain.js';

/**
 * Version of the way documents become chunks (chunker rules and sizes). Part of every document's
 * hash, so that an incremental re-ingest re-chunks every document after a chunker change instead
 * of keeping stale chunks (seen: an eval index kept pre-structure chunks and scored hit@1 0.35
 * instead of 0.91). Bump it with any change to `chunker.ts` or `structure.ts` that moves chunks.
 */
export const CHUNKING_VERSION = 2;

/** sha256 (hex) of the text, the applied metadata and the chunking version (incremental re-ingest). */
export function documentHash(text: string, meta: DocumentMeta): string {
  return createHash('sha256')
    .update(`chunking-${CHUNKING_VERSION}\u0000`)
    .update(text)
    .update('\u0000')
    .update(JSON.stringify(meta))
    .digest('hex');
}
