import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../domain.js';

/** sha256 (hex) of the text and the applied metadata: changes when either does (incremental re-ingest). */
export function documentHash(text: string, meta: DocumentMeta): string {
  return createHash('sha256').update(text).update('\u0000').update(JSON.stringify(meta)).digest('hex');
}
