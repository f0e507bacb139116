import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { DocumentMeta } from '../domain.js';
import { AppError } from '../errors.js';
import type { Embedder } from '../index/embedder.js';
import type { SearchStore } from '../index/search-store.js';
import { indexDocuments } from '../ingest/ingest-pipeline.js';
import { loadDocumentFile, loadDocumentFromText } from '../ingest/load-document.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Indexer } from './assistant.js';

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

/**
 * Live changes to the index: an upload is copied into the upload folder, indexed, and persisted
 * before the call returns, so it is searchable at once and survives a restart.
 */
export function createIndexer({ store, tokenizer, embedder, uploadDir }: IndexerDeps): Indexer {
  const deps = { store, tokenizer, embedder };

  async function keep(
    doc: { id: string; meta: DocumentMeta },
    write: (target: string) => Promise<void>,
    ext: string,
  ) {
    await mkdir(uploadDir, { recursive: true });
    // Remove an earlier upload of the same id in another format.
    for (const name of await readdir(uploadDir)) {
      if (basename(name, extname(name)) === doc.id) await rm(join(uploadDir, name), { force: true });
    }
    const target = join(uploadDir, `${doc.id}${ext}`);
    const temp = `${target}.part`;
    await write(temp);
    await rename(temp, target);
  }

  return {
    async upsertFile(path, { id, sourcePath } = {}) {
      const docId = checkId(id ?? basename(path, extname(path)));
      const loaded = await loadDocumentFile(path, { sourcePath: sourcePath ?? basename(path) });
      const doc = { ...loaded, id: docId, meta: { ...loaded.meta, id: docId } };
      await indexDocuments([doc], deps, {});
      await keep(doc, (target) => copyFile(path, target), extname(path).toLowerCase());
      await store.flush();
      return doc.meta;
    },
    async upsertText(id, text, meta) {
      const docId = checkId(id);
      const doc = loadDocumentFromText(docId, text, {
        ...meta,
        sourcePath: meta?.sourcePath ?? `uploads/${docId}.txt`,
      });
      await indexDocuments([doc], deps, {});
      await keep(doc, (target) => writeFile(target, text, 'utf8'), '.txt');
      await store.flush();
      return doc.meta;
    },
    async delete(id) {
      const removed = await store.deleteDocument(id);
      try {
        for (const name of await readdir(uploadDir)) {
          if (basename(name, extname(name)) === id) await rm(join(uploadDir, name), { force: true });
        }
      } catch {
        // No upload folder yet: nothing was uploaded.
      }
      if (removed) await store.flush();
      return removed;
    },
  };
}
