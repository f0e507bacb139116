import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_GBK, hostileBatch, writeBatch } from './bad-documents.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `npm run ingest` (src/cli/ingest.ts as a process) over a folder of hostile documents: every bad
 * file is named with its reason, the process does not die, and the good ones are indexed.
 */
let out = '';
let indexDir = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hardening-ingest-'));
  await writeBatch(join(dir, 'corpus'), hostileBatch());
  indexDir = join(dir, 'index');
  const { stdout, stderr } = await run(
    process.execPath,
    ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', join(dir, 'corpus'), '--index', indexDir],
    { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: join(dir, 'data') }, maxBuffer: 1 << 24 },
  );
  out = stdout + stderr;
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run ingest over a hostile batch', () => {
  it('names every bad file with its reason', () => {
    const bad = hostileBatch().filter((f) => f.reason);
    expect(out).toContain(`跳过 skipped ${bad.length} file(s):`);
    for (const f of bad) {
      const line = out.split('\n').find((l) => l.includes(`${f.name}:`));
      expect(line, f.name).toBeDefined();
      expect(line).toMatch(f.reason as RegExp);
    }
  });

  it('indexes the rest: the GBK file decoded and the file named with spaces and Chinese', async () => {
    expect(out).toMatch(/文档 documents: 2\s/);
    const current = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
    const docs = (await readFile(join(indexDir, current, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { meta: { id: string }; text: string });
    const byId = new Map(docs.map((d) => [d.meta.id, d.text]));
    expect([...byId.keys()].sort()).toEqual(['gbk-notice', '青岛 公租房 申请指南 2024']);
    expect(byId.get('gbk-notice')).toContain(GOOD_GBK.split('\n')[1]);
  });
});
