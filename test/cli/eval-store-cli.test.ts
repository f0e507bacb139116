import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgServer } from '../fakes/pg-server.js';

const run = promisify(execFile);

/** `npm run eval -- --store postgres` evaluates the same gold set over the PostgreSQL store. */
describe('eval over the postgres store', () => {
  let root: string;
  let pg: Awaited<ReturnType<typeof startPgServer>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eval-store-'));
    pg = await startPgServer();
    const gold = (await readFile('eval/seed-gold.jsonl', 'utf8')).split('\n').slice(0, 4).join('\n');
    await writeFile(join(root, 'gold.jsonl'), `${gold}\n`);
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('builds the index in the database and scores retrieval as the local store does', async () => {
    const out = join(root, 'report.json');
    const args = [
      '--import',
      'tsx',
      'src/cli/eval.ts',
      '--gold',
      join(root, 'gold.jsonl'),
      '--corpus',
      'seeds',
    ];
    await run('node', [...args, '--store', 'postgres', '--database-url', pg.url, '--out', out], {
      env: { ...process.env, DATA_DIR: join(root, 'data') },
      timeout: 150_000,
    });
    const report = JSON.parse(await readFile(out, 'utf8')) as {
      summary: { retrieval: Record<string, number> };
      items: unknown[];
    };
    expect(report.items).toHaveLength(4);
    expect(report.summary.retrieval['hit@5']).toBeGreaterThan(0.5);
  }, 160_000);

  it('needs a database URL for --store postgres', async () => {
    await expect(
      run(
        'node',
        ['--import', 'tsx', 'src/cli/eval.ts', '--gold', 'eval/seed-gold.jsonl', '--store', 'postgres'],
        {
          env: { ...process.env, DATABASE_URL: '' },
        },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('--database-url') });
  }, 60_000);
});
