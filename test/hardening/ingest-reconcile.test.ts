import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';
import { markCommitting, STAGING_DIR } from '../../src/ingest/upload-staging.js';

/**
 * Issue 14: a service killed between an upload's index commit and the move of its file into the
 * upload folder leaves the file in the staging folder. The service settles that at its next start;
 * a CLI ingest run first used to read the corpus without it, see a document the corpus lacks, and
 * remove it from the index. Now the ingest reconciles the staging folder under the lock the same
 * way (the same function), before it reads the corpus. Real files, the CLI as a real process.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let tmp: string;
let env: Record<string, string>;

/** The generation's documents on disk (ids from documents.jsonl). */
async function idsOnDisk(indexDir: string): Promise<string[]> {
  const gen = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  const lines = (await readFile(join(indexDir, gen, 'documents.jsonl'), 'utf8')).split('\n').filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { meta: { id: string } }).meta.id).sort();
}

/** A pid whose process has exited, as a killed service's would be. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid as number;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ingest-reconcile-'));
  await mkdir(join(tmp, 'corpus', 'uploads'), { recursive: true });
  await writeFile(join(tmp, 'corpus', '办理时限.txt'), '关于办理时限的通知。\n受理后5个工作日内办结。');
  await writeFile(join(tmp, 'corpus', '办理地点.txt'), '关于办理地点的通知。\n办理地点为市民中心一楼。');
  env = {
    INDEX_DIR: join(tmp, 'index'),
    CORPUS_DIRS: [join(ROOT, 'seeds'), join(tmp, 'corpus')].join(','),
    UPLOAD_DIR: join(tmp, 'corpus', 'uploads'),
    DATA_DIR: join(tmp, 'data'),
  };
}, 60_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('npm run ingest after a service was killed between an upload commit and its move', () => {
  it('keeps the committed upload (moved into the upload folder, still indexed) and deletes the unfinished one', async () => {
    // The service's side, up to the crash: the index commits the upload, the file is still staged.
    const assistant = await buildAssistant(loadConfig(env), { ingest: {} });
    const before = await idsOnDisk(env.INDEX_DIR);
    const prepared = await assistant.indexer.prepare({
      id: '夜间办理',
      ext: '.txt',
      bytes: Buffer.from('关于夜间办理的通知。\n每周三延长办理时间至晚上八点。', 'utf8'),
      sourcePath: '夜间办理.txt',
    });
    await markCommitting(prepared.staged, prepared.doc.hash);
    await assistant.store.upsertDocument(prepared.doc, prepared.chunks);
    await assistant.store.flush();
    await assistant.close();
    // The staged names carry the stager's pid: make it the pid of a process that is gone.
    const pid = await deadPid();
    const staging = join(env.UPLOAD_DIR, STAGING_DIR);
    const killedName = `${Date.now() - 1000}-${pid}-0a1b2c.txt`;
    await rename(prepared.staged.path, join(staging, killedName));
    await rename(`${prepared.staged.path}.json`, join(staging, `${killedName}.json`));
    // And an upload the crash cut short before its commit began: its client never got 201.
    await writeFile(join(staging, `${Date.now() - 900}-${pid}-3d4e5f.txt`), '未完成的上传');
    expect(await idsOnDisk(env.INDEX_DIR)).toEqual([...before, '夜间办理'].sort());

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ingest.ts', '--index', env.INDEX_DIR],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'silent' } },
    );

    expect(stdout).toMatch(/删除 removed: 0\b/);
    expect(stdout).toContain('夜间办理.txt');
    expect(await idsOnDisk(env.INDEX_DIR)).toEqual([...before, '夜间办理'].sort());
    expect(await readdir(env.UPLOAD_DIR)).toContain('夜间办理.txt');
    expect(await readFile(join(env.UPLOAD_DIR, '夜间办理.txt'), 'utf8')).toContain('晚上八点');
    expect(await readdir(staging)).toEqual([]);
  }, 180_000);
});
