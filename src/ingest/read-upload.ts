import type { DocumentMeta, SourceDocument } from '../domain.js';
import { documentHash } from './document-hash.js';
import type { UploadInput } from './indexer.js';
import { loadDocumentFile } from './load-document.js';

function stripUndefined(meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Partial<DocumentMeta>;
}

/**
 * A staged upload as a document: read by the same loader as the ingest (one validation for files
 * and JSON text), with the upload's id, and the metadata given with a JSON upload on top.
 */
export async function readUpload(input: Omit<UploadInput, 'bytes'>, path: string): Promise<SourceDocument> {
  const loaded = await loadDocumentFile(path, { sourcePath: input.sourcePath, id: input.id });
  if (!input.meta) return loaded;
  const meta: DocumentMeta = { ...loaded.meta, ...stripUndefined(input.meta), id: input.id };
  return { ...loaded, meta, hash: documentHash(loaded.text, meta) };
}
