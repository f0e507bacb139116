import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { documentId } from '../ingest/load-document.js';

/**
 * Where a document id falls in [0, 1): the first 32 bits of its SHA-1. Stable across runs and
 * machines, and independent of folder order, so the ¼ subset is inside the ½ subset, which is
 * inside the whole corpus: the scaling runs grow one corpus rather than compare three.
 */
export function idPosition(id: string): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0) / 2 ** 32;
}

/** The ids whose position is below `fraction` (1 keeps all). */
export function chooseFraction(ids: Iterable<string>, fraction: number): Set<string> {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const out = new Set<string>();
  for (const id of ids) if (fraction === 1 || idPosition(id) < fraction) out.add(id);
  return out;
}

/** Document ids of every file under `dirs` (the ids loadCorpus would give them), hidden files aside. */
export async function listDocumentIds(dirs: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) ids.push(documentId(full));
    }
  };
  for (const dir of dirs) await walk(dir);
  return ids;
}
