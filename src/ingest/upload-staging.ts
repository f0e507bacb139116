import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { syncPath, writeDurable } from '../index/index-files.js';
import { processAlive } from '../index/index-lock.js';

/**
 * Uploads reach the upload folder (a corpus folder, so a re-ingest keeps them) only once they are
 * in the index: an upload is durable exactly when its client got 201.
 *
 *   <uploadDir>/.staging/<unique><ext>        the bytes, written before anything else
 *   <uploadDir>/.staging/<unique><ext>.json   {id, ext, hash}: written just before the index commit
 *   <uploadDir>/<id><ext>                     the kept file, moved there after the index commit
 *
 * The staging folder is hidden, so ingest never reads it. After a crash (`reconcileStaging` at
 * start), a staged upload whose document the index holds with the same hash is moved into place
 * (its commit happened); every other staged file is deleted (its client never got 201).
 */

export const STAGING_DIR = '.staging';

/** A staged upload: bytes in the staging folder under a name no other upload shares. */
export interface StagedFile {
  path: string;
  id: string;
  /** Lower-case extension with the dot, e.g. ".txt". */
  ext: string;
}

interface Sidecar {
  id: string;
  ext: string;
  hash: string;
}

/** Writes the bytes of an upload to the staging folder under a unique name (never a client's name). */
export async function stageFile(
  uploadDir: string,
  id: string,
  ext: string,
  bytes: Uint8Array,
): Promise<StagedFile> {
  const dir = join(uploadDir, STAGING_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${process.pid}-${randomBytes(6).toString('hex')}${ext}`);
  await writeDurable(path, bytes);
  return { path, id, ext };
}

/** Records which document version the staged file is, just before the index commits it. */
export async function markCommitting(staged: StagedFile, hash: string): Promise<void> {
  const sidecar: Sidecar = { id: staged.id, ext: staged.ext, hash };
  await writeDurable(`${staged.path}.json`, JSON.stringify(sidecar));
}

/** Files in the upload folder that hold document `id` (any extension). */
async function filesOf(uploadDir: string, id: string): Promise<string[]> {
  const names = await readdir(uploadDir).catch(() => [] as string[]);
  return names.filter((n) => !n.startsWith('.') && basename(n, extname(n)) === id);
}

/**
 * After the index committed the staged upload: it replaces every file of its id (one file per id:
 * a .md upload replaces an earlier .txt), then the staging entries go.
 */
export async function moveIntoPlace(uploadDir: string, staged: StagedFile): Promise<void> {
  const target = `${staged.id}${staged.ext}`;
  for (const name of await filesOf(uploadDir, staged.id)) {
    if (name !== target) await rm(join(uploadDir, name), { force: true });
  }
  await rename(staged.path, join(uploadDir, target));
  await syncPath(uploadDir);
  await rm(`${staged.path}.json`, { force: true });
}

/** Removes a staged upload that will not be committed. */
export async function discardStaged(staged: StagedFile): Promise<void> {
  await rm(staged.path, { force: true });
  await rm(`${staged.path}.json`, { force: true });
}

/** Removes the kept files of a deleted document. */
export async function removeKept(uploadDir: string, id: string): Promise<void> {
  for (const name of await filesOf(uploadDir, id)) await rm(join(uploadDir, name), { force: true });
}

/** Staged names: `<ms since epoch>-<pid>-<random><ext>` (see `stageFile`). */
const STAGED_NAME = /^(\d+)-(\d+)-[0-9a-f]+/;

/**
 * Whether a staged file may still belong to an upload in flight, which stages its bytes before it
 * takes the write lock: one this process staged since it started, or one a live other process (a
 * running service, seen from a CLI ingest) staged. Those are left alone. A pid is reused at times;
 * that only leaves a leftover for a later reconcile, never deletes a live upload.
 */
function maybeInFlight(name: string): boolean {
  const m = STAGED_NAME.exec(name);
  if (!m) return false;
  const [stagedAt, pid] = [Number(m[1]), Number(m[2])];
  if (pid === process.pid) return stagedAt >= performance.timeOrigin;
  return processAlive(pid);
}

/**
 * Settles what a crash left in the staging folder (call with the index's write lock held): the
 * service at start and the CLI ingest before it reads the corpus. Committed uploads are moved
 * into place, the rest deleted; staged files of uploads possibly in flight are skipped (see
 * `maybeInFlight`). `hashOf` reads the index.
 */
export async function reconcileStaging(
  uploadDir: string,
  hashOf: (id: string) => Promise<string | undefined>,
): Promise<{ restored: string[]; removed: string[] }> {
  const dir = join(uploadDir, STAGING_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const restored: string[] = [];
  const removed: string[] = [];
  for (const name of names) {
    if (name.endsWith('.json') || maybeInFlight(name)) continue;
    const path = join(dir, name);
    let sidecar: Sidecar | undefined;
    try {
      sidecar = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Sidecar;
    } catch {
      sidecar = undefined;
    }
    if (sidecar && (await hashOf(sidecar.id)) === sidecar.hash) {
      await moveIntoPlace(uploadDir, { path, id: sidecar.id, ext: sidecar.ext });
      restored.push(`${sidecar.id}${sidecar.ext}`);
    } else {
      await discardStaged({ path, id: sidecar?.id ?? '', ext: '' });
      removed.push(name);
    }
  }
  // Sidecars whose file is gone (a crash inside moveIntoPlace, after the rename).
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.endsWith('.json') && !maybeInFlight(name)) await rm(join(dir, name), { force: true });
  }
  return { restored, removed };
}
