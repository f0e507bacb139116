import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from './generation-io.js';
import { readCurrent } from './index-files.js';
import { type IndexManifest, parseManifest } from './index-manifest.js';

/** Version of the on-disk index layout; part of the identity every store checks. */
export const INDEX_SCHEMA_VERSION = 1;

/**
 * Reads the manifest and extras of the index in `dir` without loading it, so the composition root
 * can rebuild the tokenizer (mined dictionary terms) and the embedder (IDF table) the index was
 * built with before opening it. Full checks (sizes, checksums, identity) happen on open.
 */
export async function peekIndex(
  dir: string,
): Promise<{ manifest: IndexManifest; extra: Record<string, unknown> } | undefined> {
  const name = await readCurrent(dir);
  if (!name) return undefined;
  const manifestPath = join(dir, name, FILES.manifest);
  const manifest = parseManifest(manifestPath, await readFile(manifestPath, 'utf8'));
  let extra: Record<string, unknown> = {};
  try {
    extra = JSON.parse(await readFile(join(dir, name, FILES.extra), 'utf8')) as Record<string, unknown>;
  } catch {
    // A missing or unreadable extra.json is reported by the full load, which checks every file.
  }
  return { manifest, extra };
}
