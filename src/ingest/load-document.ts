import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { DocumentMeta, SourceDocument } from '../domain.js';
import { isAppError } from '../errors.js';
import { documentHash } from './document-hash.js';
import { loaderFor } from './loaders/loader-registry.js';
import { applyManifestRow, type ManifestRow } from './manifest.js';
import { extractMetadata } from './metadata.js';
import { unreadable } from './unreadable.js';

/**
 * Largest file read as one document: 20 MB. The biggest file in the shared corpus of ~4,300
 * policy documents is far smaller; a file past this is a scan, an archive or a mistake, and
 * reading it whole would cost hundreds of MB of memory in jieba and the chunker. It is skipped
 * (checked by size on disk, before reading) with a reason.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The document id of a file: its name without the extension. */
export function documentId(path: string): string {
  return basename(path, extname(path));
}

function build(
  id: string,
  path: string,
  text: string,
  sourcePath: string,
  titleHint?: string,
  row?: ManifestRow,
): SourceDocument {
  if (text.trim() === '') throw unreadable('文件为空或只有空白 (empty or whitespace-only document)');
  // One rule for every path in (a corpus file, an upload, JSON text): NUL is never text. The
  // binary probe only looks at the first 8 KB; a NUL further in used to pass the JSON route.
  if (text.includes('\u0000')) throw unreadable('文本含有 NUL 控制字符 (text contains NUL characters)');
  let meta = extractMetadata(text, { id, sourcePath, titleHint });
  if (row) meta = applyManifestRow(meta, row);
  return { id, path, text, meta, hash: documentHash(text, meta) };
}

/**
 * Loads one file (a corpus file or an upload). Throws `AppError('DOCUMENT_UNREADABLE')` with a
 * Chinese + English reason when the file cannot be read.
 */
export async function loadDocumentFile(
  path: string,
  {
    sourcePath,
    manifestRow,
    maxBytes = MAX_DOCUMENT_BYTES,
    id = documentId(path),
  }: {
    sourcePath: string;
    manifestRow?: ManifestRow;
    maxBytes?: number;
    /** The document id; default the file name without its extension. */
    id?: string;
  },
): Promise<SourceDocument> {
  const loader = loaderFor(path);
  if (!loader) {
    throw unreadable(`不支持的文件类型 ${extname(path) || '（无扩展名）'} (unsupported file type)`);
  }
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > maxBytes) {
      throw unreadable(
        `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${(maxBytes / 1048576).toFixed(0)} MB）(file too large)`,
      );
    }
    bytes = await readFile(path);
  } catch (err) {
    if (isAppError(err)) throw err;
    throw unreadable('无法读取文件 (cannot read file)', err);
  }
  if (bytes.length === 0) throw unreadable('文件为空 (empty file)');
  const extracted = await loader(bytes);
  return build(id, resolve(path), extracted.text, sourcePath, extracted.title, manifestRow);
}

/** A document from text given directly (JSON uploads). `meta` fields override the extracted ones. */
export function loadDocumentFromText(
  id: string,
  text: string,
  meta: Partial<DocumentMeta> = {},
): SourceDocument {
  const sourcePath = meta.sourcePath ?? `${id}.txt`;
  const doc = build(id, sourcePath, text, sourcePath);
  const merged: DocumentMeta = { ...doc.meta, ...stripUndefined(meta), id };
  return { ...doc, meta: merged, hash: documentHash(text, merged) };
}

function stripUndefined(meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Partial<DocumentMeta>;
}
