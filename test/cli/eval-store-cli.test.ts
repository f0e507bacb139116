import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgServer } from '../fakes/pg-server.js';
import { runEvalCli, writeSeedGoldSample } from './eval-cli.js';

/** `npm run eval -- --store postgres` evaluates the same gold set over the PostgreSQL store. */
describe('eval over the postgres store', () => {
  let root: string;
  let gold: string;
  let pg: Awaited<ReturnType<typeof startPgServer>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eval-store-'));
    pg = await startPgServer();
    gold = await writeSeedGoldSample(root, 4);
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('builds the index in the database and scores retrieval as the local store does', async () => {
    const out = join(root, 'report.json');
    await runEvalCli(
      ['--gold', gold, '--corpus', 'seeds', '--store', 'postgres', '--database-url', pg.url, '--out', out],
      { DATA_DIR: join(root, 'data') },
    );
    const report = JSON.parse(await readFile(out, 'utf8')) as {
      summary: { retrieval: Record<string, number> };
      items: unknown[];
    };
    expect(report.items).toHaveLength(4);
    expect(report.summary.retrieval['hit@5']).toBeGreaterThan(0.5);
  }, 160_000);

  it('needs a database URL for --store postgres', async () => {
    await expect(
      runEvalCli(['--gold', 'eval/seed-gold.jsonl', '--store', 'postgres'], { DATABASE_URL: '' }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('--database-url') });
  }, 60_000);
});
