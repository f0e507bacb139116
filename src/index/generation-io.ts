import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Bm25State } from './bm25.js';
import { decodeBm25 } from './bm25-codec.js';
import { runSliced } from './cooperative.js';
import {
  commitGeneration,
  readCurrent,
  removeOtherGenerations,
  sha256,
  sha256Sliced,
  syncPath,
  writeDurable,
} from './index-files.js';
import { assertIdentity, corruptError, type IndexManifest, parseManifest } from './index-manifest.js';
import type { IndexIdentity } from './search-store.js';
import {
  type ChunkRecord,
  type DocRecord,
  decodeChunksSteps,
  decodeDocumentsSteps,
} from './store-records.js';

/** File names inside a generation directory. */
export const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.jsonl',
  chunks: 'chunks.json',
  bm25: 'bm25.bin',
  vectors: 'vectors.hnsw',
  extra: 'extra.json',
} as const;

/** Everything a flush writes, serialised in one synchronous step (a consistent snapshot). */
export interface GenerationSnapshot {
  manifest: Omit<IndexManifest, 'files'>;
  /** Files held in memory; `vectors.hnsw` is already written into the generation directory. */
  files: { name: string; data: string | Uint8Array }[];
}

/** Writes the snapshot's files durably, then the manifest, then commits CURRENT and cleans up. */
export async function persistGeneration(
  dir: string,
  gen: { name: string; path: string },
  snapshot: GenerationSnapshot,
): Promise<void> {
  const files: IndexManifest['files'] = {};
  for (const f of snapshot.files) {
    const bytes = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    await writeDurable(join(gen.path, f.name), bytes);
    files[f.name] = { bytes: bytes.length, sha256: await sha256Sliced(bytes) };
  }
  const vectorsPath = join(gen.path, FILES.vectors);
  await syncPath(vectorsPath);
  const vectors = await readFile(vectorsPath);
  files[FILES.vectors] = { bytes: vectors.length, sha256: await sha256Sliced(vectors) };
  const manifest: IndexManifest = { ...snapshot.manifest, files };
  await writeDurable(join(gen.path, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await syncPath(gen.path);
  await commitGeneration(dir, gen.name);
  await removeOtherGenerations(dir, gen.name);
}

/** A generation as read from disk, checked against its manifest. */
export interface LoadedGeneration {
  name: string;
  manifest: IndexManifest;
  documents: DocRecord[];
  chunks: [number, ChunkRecord][];
  bm25: Bm25State;
  vectorsPath: string;
  extra: Record<string, unknown>;
}

/**
 * Reads the generation CURRENT names, or returns undefined when there is none. Throws
 * INDEX_MISMATCH when it was built with another identity, INDEX_CORRUPT (naming the file) when a
 * file is missing, of the wrong size or hash, or unparsable.
 */
export async function loadGeneration(
  dir: string,
  identity: IndexIdentity,
): Promise<LoadedGeneration | undefined> {
  const name = await readCurrent(dir);
  if (!name) return undefined;
  const genPath = join(dir, name);
  const manifestPath = join(genPath, FILES.manifest);
  const manifest = parseManifest(
    manifestPath,
    await readOrCorrupt(manifestPath).then((b) => b.toString('utf8')),
  );
  assertIdentity(dir, manifest, identity);

  const checked = async (file: string): Promise<Buffer> => {
    const path = join(genPath, file);
    const expected = manifest.files[file];
    if (!expected) throw corruptError(path, 'not listed in the manifest');
    const data = await readOrCorrupt(path);
    if (data.length !== expected.bytes)
      throw corruptError(path, `expected ${expected.bytes} bytes, found ${data.length}`);
    if ((await sha256Sliced(data)) !== expected.sha256) throw corruptError(path, 'checksum mismatch');
    return data;
  };
  const parse = async <T>(file: string, decode: (data: Buffer) => T | Promise<T>): Promise<T> => {
    const data = await checked(file);
    try {
      return await decode(data);
    } catch (err) {
      throw corruptError(join(genPath, file), (err as Error).message, err);
    }
  };

  // In slices: a service loads a generation while it serves (after a first build or a reload).
  const documents = await parse(FILES.documents, (d) => runSliced(decodeDocumentsSteps(d)));
  const chunks = await parse(FILES.chunks, (d) => runSliced(decodeChunksSteps(d)));
  const bm25 = await parse(FILES.bm25, decodeBm25);
  const extra = await parse(FILES.extra, (d) => JSON.parse(d.toString('utf8')) as Record<string, unknown>);
  await checked(FILES.vectors);
  return { name, manifest, documents, chunks, bm25, vectorsPath: join(genPath, FILES.vectors), extra };
}

/**
 * The live generation's manifest and extras, without an identity check: for what must be known
 * before the store can be opened (the embedder's idf table and the tokenizer's mined terms decide
 * the identity). Undefined when there is no index; INDEX_CORRUPT when the files are damaged.
 */
export async function readIndexInfo(
  dir: string,
): Promise<{ manifest: IndexManifest; extra: Record<string, unknown> } | undefined> {
  const name = await readCurrent(dir);
  if (!name) return undefined;
  const manifestPath = join(dir, name, FILES.manifest);
  const manifest = parseManifest(manifestPath, (await readOrCorrupt(manifestPath)).toString('utf8'));
  const extraPath = join(dir, name, FILES.extra);
  const data = await readOrCorrupt(extraPath);
  if (sha256(data) !== manifest.files[FILES.extra]?.sha256)
    throw corruptError(extraPath, 'checksum mismatch');
  try {
    return { manifest, extra: JSON.parse(data.toString('utf8')) as Record<string, unknown> };
  } catch (err) {
    throw corruptError(extraPath, 'not valid JSON', err);
  }
}

async function readOrCorrupt(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    throw corruptError(path, exists ? 'unreadable' : 'missing', err);
  }
}
