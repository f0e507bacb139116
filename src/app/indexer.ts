import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DocumentMeta, SourceDocument } from '../domain.js';
import { AppError } from '../errors.js';
import type { Embedder } from '../index/embedder.js';
import type { SearchStore } from '../index/search-store.js';
import { documentHash } from '../ingest/document-hash.js';
import type { Indexer, UploadInput, UpsertResult } from '../ingest/indexer.js';
import { indexedChunksOf } from '../ingest/ingest-pipeline.js';
import { loadDocumentFile } from '../ingest/load-document.js';
import {
  discardStaged,
  markCommitting,
  moveIntoPlace,
  reconcileStaging,
  removeKept,
  stageFile,
} from '../ingest/upload-staging.js';
import type { Tokenizer } from '../text/tokenizer.js';

export interface IndexerDeps {
  store: SearchStore;
  tokenizer: Tokenizer;
  embedder: Embedder;
  /** Uploaded files are kept here (a corpus folder), so the next full ingest keeps them. */
  uploadDir: string;
}

/** Ids are file names: letters, digits, CJK, dot, dash, underscore; no path separators. */
const SAFE_ID = /^[\p{L}\p{N}._\- ]{1,120}$/u;

function checkId(id: string): string {
  if (!SAFE_ID.test(id) || id.startsWith('.')) {
    throw new AppError('VALIDATION_FAILED', `文档编号无效 (invalid document id): ${JSON.stringify(id)}`, {
      issues: [{ path: 'id', message: 'letters, digits, CJK, . - _ and spaces only' }],
    });
  }
  return id;
}

function stripUndefined(meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Partial<DocumentMeta>;
}

/** The generation number of a local index (`gen-12` → 12): the order of its commits. */
function revisionOf(generation: string | undefined): number | undefined {
  const n = generation ? Number(/(\d+)$/.exec(generation)?.[1]) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Live changes to the index. An upload is staged under a unique name, read by the same loader as
 * the ingest (one validation for files and JSON text), indexed and persisted, and only then kept in
 * the upload folder (see upload-staging.ts): searchable at once, kept across restarts and
 * re-ingests exactly when its client got 201.
 */
export function createIndexer({ store, tokenizer, embedder, uploadDir }: IndexerDeps): Indexer {
  const preparedWith = `${tokenizer.id}|${embedder.id}`;

  async function readStaged(input: Omit<UploadInput, 'bytes'>, path: string): Promise<SourceDocument> {
    const loaded = await loadDocumentFile(path, { sourcePath: input.sourcePath, id: input.id });
    if (!input.meta) return loaded;
    const meta: DocumentMeta = { ...loaded.meta, ...stripUndefined(input.meta), id: input.id };
    return { ...loaded, meta, hash: documentHash(loaded.text, meta) };
  }

  const indexer: Indexer = {
    async prepare({ bytes, ...input }) {
      checkId(input.id);
      const staged = await stageFile(uploadDir, input.id, input.ext, bytes);
      try {
        const doc = await readStaged(input, staged.path);
        const chunks = await indexedChunksOf(doc, tokenizer, embedder);
        return { staged, input, doc, chunks, preparedWith };
      } catch (err) {
        await discardStaged(staged);
        throw err;
      }
    },

    async commit(prepared) {
      const { staged, doc } = prepared;
      try {
        // Prepared against an index another process has since rebuilt with other terms: again.
        const chunks =
          prepared.preparedWith === preparedWith
            ? prepared.chunks
            : await indexedChunksOf(doc, tokenizer, embedder);
        const replaced = (await store.documentHash(doc.id)) !== undefined;
        await markCommitting(staged, doc.hash);
        await store.upsertDocument(doc, chunks);
        await store.flush();
        await moveIntoPlace(uploadDir, staged);
        const result: UpsertResult = { document: doc.meta, replaced, revision: revisionOf(store.generation) };
        return result;
      } catch (err) {
        await discardStaged(staged);
        throw err;
      }
    },

    discard: (prepared) => discardStaged(prepared.staged),

    reconcile: () => reconcileStaging(uploadDir, (id) => store.documentHash(id)),

    async upsertFile(path, { id, sourcePath } = {}) {
      const prepared = await indexer.prepare({
        id: id ?? basename(path, extname(path)),
        ext: extname(path).toLowerCase(),
        bytes: await readFile(path),
        sourcePath: sourcePath ?? basename(path),
      });
      return (await indexer.commit(prepared)).document;
    },

    async upsertText(id, text, meta) {
      const prepared = await indexer.prepare({
        id,
        ext: '.txt',
        bytes: Buffer.from(text, 'utf8'),
        sourcePath: meta?.sourcePath ?? `uploads/${id}.txt`,
        meta,
      });
      return (await indexer.commit(prepared)).document;
    },

    async delete(id) {
      const removed = await store.deleteDocument(id);
      if (removed) await store.flush();
      await removeKept(uploadDir, id);
      return removed;
    },
  };
  return indexer;
}
