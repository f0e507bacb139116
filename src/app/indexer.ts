import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SourceDocument } from '../domain.js';
import { AppError } from '../errors.js';
import type { Embedder } from '../index/embedder.js';
import type { IndexedChunk, SearchStore } from '../index/search-store.js';
import type { Indexer, UploadInput, UpsertResult } from '../ingest/indexer.js';
import { indexedChunksOf } from '../ingest/ingest-pipeline.js';
import { readUpload } from '../ingest/read-upload.js';
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
  /** Reads, chunks, tokenizes and embeds uploads off the main thread (the service); unset: inline. */
  preparer?: OffThreadPreparer;
}

/** What the indexer asks of an upload preparer (`UploadPreparer`); undefined: do it inline. */
export interface OffThreadPreparer {
  prepare(
    input: Omit<UploadInput, 'bytes'>,
    path: string,
  ): Promise<{ doc: SourceDocument; chunks: IndexedChunk[] } | undefined>;
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
export function createIndexer({ store, tokenizer, embedder, uploadDir, preparer }: IndexerDeps): Indexer {
  const preparedWith = `${tokenizer.id}|${embedder.id}`;

  const indexer: Indexer = {
    async prepare({ bytes, ...input }) {
      checkId(input.id);
      const staged = await stageFile(uploadDir, input.id, input.ext, bytes);
      try {
        const off = await preparer?.prepare(input, staged.path);
        if (off) return { staged, input, ...off, preparedWith };
        const doc = await readUpload(input, staged.path);
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
        // Prepared against an index another process has since rebuilt with other terms: again,
        // off the main thread like the first time (the service's thread cuts on scoped dictionaries only).
        const chunks =
          prepared.preparedWith === preparedWith
            ? prepared.chunks
            : ((await preparer?.prepare(prepared.input, staged.path))?.chunks ??
              (await indexedChunksOf(doc, tokenizer, embedder)));
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
