import { AppError } from '../errors.js';
import type { Bm25Params } from './bm25-scoring.js';
import type { HnswParams } from './hnsw-index.js';
import type { IndexIdentity } from './search-store.js';

/**
 * Version of the local index's file layout and of what `IndexIdentity.schemaVersion` means here;
 * bump it when a change makes old index directories unreadable or wrong.
 */
export const INDEX_SCHEMA_VERSION = 1;

/** The identity an index built by this embedder and tokenizer records. */
export function indexIdentity(
  embedder: { id: string; dimensions: number },
  tokenizer: { id: string },
  schemaVersion = INDEX_SCHEMA_VERSION,
): IndexIdentity {
  return {
    schemaVersion,
    embedderId: embedder.id,
    dimensions: embedder.dimensions,
    tokenizerId: tokenizer.id,
  };
}

/** Options an index was built with; loaded back and used, never overridden by the caller. */
export interface BuildOptions {
  hnsw: HnswParams;
  bm25: Bm25Params;
  /** Anything else the caller recorded (e.g. chunker settings). */
  [key: string]: unknown;
}

/** `manifest.json` of one index generation. */
export interface IndexManifest extends IndexIdentity {
  buildOptions: BuildOptions;
  createdAt: string;
  counts: { documents: number; chunks: number; nextOrdinal: number };
  /** Every other file of the generation with its size and sha256, checked on load. */
  files: Record<string, { bytes: number; sha256: string }>;
  /** Keys stored in `extra.json`. */
  extra?: string[];
}

const RECOVERY =
  '请删除索引目录后重新运行 ingest (delete the index directory and run `npm run ingest` again)';

/** The INDEX_CORRUPT error for `file`, with the recovery step in the message. */
export function corruptError(file: string, problem: string, cause?: unknown): AppError {
  return new AppError(
    'INDEX_CORRUPT',
    `索引文件损坏 (index file corrupt): ${file}: ${problem}. ${RECOVERY}`,
    { cause },
  );
}

/** Parses and shape-checks a manifest; throws INDEX_CORRUPT naming the file. */
export function parseManifest(file: string, text: string): IndexManifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (err) {
    throw corruptError(file, 'not valid JSON', err);
  }
  const ok =
    typeof m === 'object' &&
    m !== null &&
    typeof (m as IndexManifest).schemaVersion === 'number' &&
    typeof (m as IndexManifest).embedderId === 'string' &&
    typeof (m as IndexManifest).dimensions === 'number' &&
    typeof (m as IndexManifest).tokenizerId === 'string' &&
    typeof (m as IndexManifest).files === 'object' &&
    typeof (m as IndexManifest).counts?.nextOrdinal === 'number' &&
    typeof (m as IndexManifest).buildOptions?.hnsw === 'object';
  if (!ok) throw corruptError(file, 'missing or malformed fields');
  return m as IndexManifest;
}

/** Throws INDEX_MISMATCH naming every field whose stored and expected values differ. */
export function assertIdentity(dir: string, stored: IndexIdentity, expected: IndexIdentity): void {
  const fields = ['schemaVersion', 'embedderId', 'dimensions', 'tokenizerId'] as const;
  const diffs = fields
    .filter((f) => stored[f] !== expected[f])
    .map(
      (f) =>
        `${f}: 索引为 (index has) ${JSON.stringify(stored[f])}, 当前配置为 (configured) ${JSON.stringify(expected[f])}`,
    );
  if (diffs.length > 0) {
    throw new AppError(
      'INDEX_MISMATCH',
      `索引 ${dir} 与当前配置不匹配 (index built with a different configuration): ${diffs.join('; ')}. ` +
        '请用当前配置重新运行 ingest, 或恢复原配置 (re-run ingest with this configuration, or restore the old one)',
    );
  }
}
