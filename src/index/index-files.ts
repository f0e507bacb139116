import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runSliced } from './cooperative.js';

/**
 * Crash-safe generations of an index directory:
 *
 *   <dir>/CURRENT        the name of the live generation, e.g. "gen-3" (replaced by rename)
 *   <dir>/gen-3/…        manifest.json + data files of that generation
 *
 * A flush writes `gen-<n+1>/` completely and fsyncs it, then atomically replaces CURRENT (write
 * CURRENT.tmp, fsync, rename, fsync the directory), then deletes older generations. A crash at any
 * point leaves CURRENT naming a complete generation; leftovers are removed by the next flush.
 */

export const CURRENT_FILE = 'CURRENT';
const GEN_PREFIX = 'gen-';

export function generationName(n: number): string {
  return `${GEN_PREFIX}${n}`;
}

/** The generation CURRENT names, or undefined when there is no committed index. */
export async function readCurrent(dir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(dir, CURRENT_FILE), 'utf8')).trim();
    return name.length > 0 ? name : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Numbers of every `gen-<n>` directory present (committed or not). */
export async function listGenerations(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((n) => n.startsWith(GEN_PREFIX))
    .map((n) => Number(n.slice(GEN_PREFIX.length)))
    .filter((n) => Number.isInteger(n) && n >= 0);
}

/** Writes a file and fsyncs it before returning. */
export async function writeDurable(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * fsyncs a path opened read-only: a file something else wrote (hnswlib's writeIndexSync), or a
 * directory, so that renames and new entries in it are durable.
 */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes `generation` the live one: atomic replace of CURRENT. */
export async function commitGeneration(dir: string, generation: string): Promise<void> {
  const tmp = join(dir, `${CURRENT_FILE}.tmp`);
  await writeDurable(tmp, `${generation}\n`);
  await rename(tmp, join(dir, CURRENT_FILE));
  await syncPath(dir);
}

/** Removes every generation directory except `keep` (older ones and leftovers of crashed flushes). */
export async function removeOtherGenerations(dir: string, keep: string): Promise<void> {
  for (const n of await listGenerations(dir)) {
    const name = generationName(n);
    if (name !== keep) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** A fresh, empty generation directory numbered after every existing one. */
export async function createNextGeneration(dir: string): Promise<{ name: string; path: string }> {
  await mkdir(dir, { recursive: true });
  const next = Math.max(0, ...(await listGenerations(dir))) + 1;
  const name = generationName(next);
  const path = join(dir, name);
  await rm(path, { recursive: true, force: true });
  await mkdir(path);
  return { name, path };
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Bytes hashed per step of `sha256Sliced` (~1–3 ms here); `runSliced` yields between steps by time. */
const HASH_STEP_BYTES = 1024 * 1024;

/** `sha256` giving the event loop turns while hashing (index files reach ~100 MB). */
export function sha256Sliced(data: Uint8Array): Promise<string> {
  const steps = function* () {
    const hash = createHash('sha256');
    for (let at = 0; at < data.length; at += HASH_STEP_BYTES) {
      hash.update(data.subarray(at, at + HASH_STEP_BYTES));
      yield;
    }
    return hash.digest('hex');
  };
  return runSliced(steps());
}
