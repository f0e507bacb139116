import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { SkippedFile, SourceDocument } from '../domain.js';
import { isAppError } from '../errors.js';
import { documentId, loadDocumentFile } from './load-document.js';
import { loaderFor } from './loaders/loader-registry.js';
import { MANIFEST_FILE, type ManifestRow, readManifest } from './manifest.js';

/**
 * Loads every supported file under the given corpus folders (nested folders, stable sorted order).
 * A file that cannot be read is reported in `skipped` with its reason; the rest load.
 */

/** Files read and parsed at once. Reads are I/O-bound; PDF/docx parsing is CPU-bound on 2 cores. */
const READ_CONCURRENCY = 16;

export interface LoadCorpusOptions {
  /** Keep only these document ids. */
  only?: Set<string>;
  /** Called after each file, loaded or skipped. */
  onProgress?(done: number, total: number, path: string): void;
}

export interface LoadedCorpus {
  documents: SourceDocument[];
  skipped: SkippedFile[];
}

/** Files at a corpus root that describe the corpus rather than belong to it. */
function isCorpusMetaFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === MANIFEST_FILE || /^(readme|provenance)(\.|$)/.test(lower);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && !isCorpusMetaFile(entry.name)) out.push(full);
  }
  return out;
}

interface Job {
  path: string;
  root: string;
  row?: ManifestRow;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function loadCorpus(dirs: string[], options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const skipped: SkippedFile[] = [];
  const jobs: Job[] = [];
  const seen = new Map<string, string>();
  for (const root of dirs) {
    const manifest = await readManifest(root);
    for (const problem of manifest.problems)
      skipped.push({ path: manifest.path ?? join(root, MANIFEST_FILE), reason: problem });
    const files = (await walk(root)).sort((a, b) => compareCodePoints(relative(root, a), relative(root, b)));
    for (const path of files) {
      const id = documentId(path);
      if (options.only && !options.only.has(id)) continue;
      if (!loaderFor(path)) {
        skipped.push({
          path,
          reason: `不支持的文件类型 ${extname(path) || '（无扩展名）'} (unsupported file type)`,
        });
        continue;
      }
      const first = seen.get(id);
      if (first) {
        skipped.push({ path, reason: `文档编号 ${id} 与 ${first} 重复 (duplicate document id)` });
        continue;
      }
      seen.set(id, path);
      jobs.push({ path, root, row: manifest.rows.get(id) });
    }
  }

  const results: (SourceDocument | SkippedFile)[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const { path, root, row } = jobs[i];
      const sourcePath = relative(root, path).split(sep).join('/');
      try {
        results[i] = await loadDocumentFile(path, { sourcePath, manifestRow: row });
      } catch (err) {
        // Any failure of one file is reported and the others go on; only our own messages are user-facing.
        const reason = isAppError(err)
          ? err.message
          : `读取失败 (failed to load): ${err instanceof Error ? err.message : String(err)}`;
        results[i] = { path, reason };
      }
      done++;
      options.onProgress?.(done, jobs.length, path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, jobs.length) }, worker));

  const documents: SourceDocument[] = [];
  for (const r of results) {
    if ('text' in r) documents.push(r);
    else skipped.push(r);
  }
  return { documents, skipped };
}
