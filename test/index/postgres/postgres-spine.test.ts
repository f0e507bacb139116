import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltAssistant, buildAssistant } from '../../../src/app/build-assistant.js';
import { loadConfig } from '../../../src/config.js';
import { PostgresStore } from '../../../src/index/postgres/postgres-store.js';
import { type PgTestServer, startPgServer } from '../../fakes/pg-server.js';
import { LAW, makeSpineCorpus, SEED_ID } from '../../fakes/spine-corpus.js';

/** The spine scenario of test/app/spine.test.ts with STORE=postgres, over PGlite + pgvector on loopback. */
describe('spine on PostgreSQL: ingest → index → retrieval → cited extractive answer', () => {
  let root: string;
  let corpus: string;
  let server: PgTestServer;
  let assistant: BuiltAssistant;
  let seedText: string;

  const config = () =>
    loadConfig({
      STORE: 'postgres',
      DATABASE_URL: server.url,
      PG_POOL_MAX: '2',
      INDEX_DIR: join(root, 'unused-index'),
      CORPUS_DIRS: corpus,
      UPLOAD_DIR: join(root, 'uploads'),
    });

  beforeAll(async () => {
    ({ root, corpus, seedText } = await makeSpineCorpus('pg-spine-'));
    server = await startPgServer();
    assistant = await buildAssistant(config());
  }, 120_000);

  afterAll(async () => {
    await assistant?.close();
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const ask = async (question: string) =>
    assistant.extractive.answer(question, await assistant.retriever.retrieve(question));

  it('builds the index in the database on first use', async () => {
    expect(assistant.store).toBeInstanceOf(PostgresStore);
    expect(assistant.lastIngest).toMatchObject({ documents: 2, added: 2, skipped: [] });
    expect(assistant.lastIngest?.chunks).toBeGreaterThan(5);
    expect(await assistant.store.stats()).toEqual({ documents: 2, chunks: assistant.lastIngest?.chunks });
  });

  it('answers the 5G question with 4.5万 and cites the sentence by its offsets', async () => {
    const answer = await ask('2025年青岛要把5G基站建到多少个？');
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('4.5万');
    const cited = answer.citations.find((c) => c.quote.includes('4.5万'));
    expect(cited?.docId).toBe(SEED_ID);
    expect(seedText.slice(cited?.start, cited?.end)).toBe(cited?.quote);
    expect(cited?.quote).toMatch(/^推动5G-A.*4\.5万个。$/);
  });

  it('reads a glued word (坐地铁) as its noun over the database too', async () => {
    const retrieval = await assistant.retriever.retrieve('在青岛坐地铁要注意什么？');
    expect(retrieval.terms?.groups).toContainEqual(expect.arrayContaining(['坐地铁', '地铁', '轨道交通']));
  });

  it('refuses and refers on when the documents do not cover the question', async () => {
    const answer = await ask('青岛居住证怎么办理？');
    expect(answer.refused).toBe(true);
    expect(answer.answer).toContain('12345');
  });

  it('answers from exactly the named article', async () => {
    const answer = await ask('《青岛市示范管理条例》第十条的内容是什么？');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0].quote).toContain('五个工作日内');
    expect(answer.citations[0].headingPath).toContain('第十条');
  });

  it('filters by document metadata in SQL', async () => {
    const retrieval = await assistant.retriever.retrieve('示范登记', { filters: { type: '政策解读' } });
    expect(retrieval.passages.length).toBeGreaterThan(0);
    expect(retrieval.passages.every((p) => p.chunk.docId === SEED_ID)).toBe(true);
    const none = await assistant.retriever.retrieve('示范登记', { filters: { year: 1990 } });
    expect(none.passages).toEqual([]);
  });

  it('re-ingests incrementally: unchanged skipped, changed replaced, removed deleted', async () => {
    await assistant.close();
    const again = await buildAssistant(config(), { ingest: {} });
    expect(again.lastIngest).toMatchObject({ unchanged: 2, added: 0, replaced: 0, removed: 0 });
    await again.close();

    await writeFile(join(corpus, 'laws', 'law-demo.md'), LAW.replace('五个工作日', '三个工作日'));
    await writeFile(join(corpus, 'new-note.txt'), '关于示范事项的通知\n示范事项自2026年起网上办理。');
    await rm(join(corpus, 'seeds'), { recursive: true });
    const third = await buildAssistant(config(), { ingest: {} });
    expect(third.lastIngest).toMatchObject({ added: 1, replaced: 1, removed: 1, documents: 2 });
    const retrieval = await third.retriever.retrieve('《青岛市示范管理条例》第十条');
    expect(retrieval.passages[0].chunk.text).toContain('三个工作日');
    expect(await third.store.getDocument(SEED_ID)).toBeUndefined();
    assistant = third;
  }, 120_000);
});
