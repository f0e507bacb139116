import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the writers did during the load: uploads over HTTP and one CLI ingest as a child process. */
export interface WriteActivity {
  uploads: number;
  /** Upload responses by status. */
  uploadStatuses: Record<string, number>;
  /** Documents the ingest said it added (undefined: no ingest ran). */
  ingestAdded?: number;
  ingestExit?: number | null;
  /** Documents expected at the end: before + ingested + confirmed (201) new uploads. */
  expected: number;
  /** Documents the service serves at the end, and the committed generation on disk holds. */
  served: number;
  onDisk: number;
}

/** Admin token of the soak's own service (a temp index on loopback, gone afterwards). */
export const SOAK_TOKEN = 'soak-admin-token';
/** Documents the CLI ingest adds during the load: variants of the seed document. */
export const INGEST_DOCUMENTS = 60;
/** Pause between uploads of the soak's admin client, ms (one upload in flight at a time). */
const UPLOAD_GAP_MS = 500;

/** `count` variants of the first seed document in `folder`, for the CLI ingest to add. */
export async function seedVariants(folder: string, count: number): Promise<void> {
  const seeds = (await readdir(join(ROOT, 'seeds'))).sort();
  const seed = await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8');
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    await writeFile(
      join(folder, `soak-ingest-${i}.txt`),
      `第${i}号通知（压力测试）\n${seed}\n附：编号 ${i}。`,
    );
  }
}

/** Uploads small documents one after another until `until`; returns the statuses and the ids confirmed. */
export async function uploadLoop(
  base: string,
  until: number,
): Promise<{ statuses: Record<string, number>; ok: string[] }> {
  const statuses: Record<string, number> = {};
  const ok: string[] = [];
  for (let i = 0; i === 0 || performance.now() < until; i++) {
    const id = until === 0 ? 'soak-upload-warm-up' : `soak-upload-${i}`;
    const status = await fetch(`${base}/api/admin/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SOAK_TOKEN}` },
      body: JSON.stringify({
        id,
        text: `压力测试上传文件 ${i}\n关于办理时限的说明：本事项办理时限为${i % 20}个工作日。`,
      }),
    }).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status;
      },
      () => 0,
    );
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === 201) ok.push(id);
    await new Promise((r) => setTimeout(r, UPLOAD_GAP_MS));
  }
  return { statuses, ok };
}

/** `npm run ingest` on the service's own index directory, as a child process. */
export function ingestChild(
  indexDir: string,
  corpus: string[],
  dataDir: string,
): Promise<{ code: number | null; added?: number; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/ingest.ts', ...corpus.flatMap((c) => ['--corpus', c]), '--index', indexDir],
    { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const added = /新增 added: (\d+)/.exec(output);
      resolve({ code, added: added ? Number(added[1]) : undefined, output });
    }),
  );
}

/** The document count of the generation CURRENT names. */
export async function documentsOnDisk(indexDir: string): Promise<number> {
  const gen = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  return JSON.parse(await readFile(join(indexDir, gen, 'manifest.json'), 'utf8')).counts.documents;
}
