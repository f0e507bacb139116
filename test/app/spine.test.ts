import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltAssistant, buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';
import { LAW, makeSpineCorpus, SEED_ID } from '../fakes/spine-corpus.js';

/** The spine over real files, real jieba and real hnswlib: seeds/ plus a small law, in a temp dir. */
describe('spine: ingest → index → retrieval → cited extractive answer', () => {
  let root: string;
  let corpus: string;
  let assistant: BuiltAssistant;
  let seedText: string;

  const configFor = (indexDir: string) =>
    loadConfig({ INDEX_DIR: indexDir, CORPUS_DIRS: corpus, UPLOAD_DIR: join(root, 'uploads') });

  beforeAll(async () => {
    ({ root, corpus, seedText } = await makeSpineCorpus('spine-'));
    assistant = await buildAssistant(configFor(join(root, 'index')));
  }, 120_000);

  afterAll(async () => {
    await assistant?.close();
    await rm(root, { recursive: true, force: true });
  });

  const ask = async (question: string) =>
    assistant.extractive.answer(question, await assistant.retriever.retrieve(question));

  it('builds the index on first use and reports what it did', () => {
    expect(assistant.lastIngest).toMatchObject({ documents: 2, added: 2, skipped: [] });
    expect(assistant.lastIngest?.chunks).toBeGreaterThan(5);
    // The local store's insert timings split the index stage; the hashing embedder was fitted.
    expect(assistant.lastIngest?.stages.hnsw).toBeGreaterThan(0);
    expect(assistant.lastIngest?.stages.bm25).toBeGreaterThan(0);
    expect(assistant.embedder.id).toContain('-idf');
  });

  it('answers the 5G question with 4.5万 and cites the sentence by its offsets', async () => {
    const answer = await ask('2025年青岛要把5G基站建到多少个？');
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('4.5万');
    const cited = answer.citations.find((c) => c.quote.includes('4.5万'));
    expect(cited?.docId).toBe(SEED_ID);
    expect(seedText.slice(cited?.start, cited?.end)).toBe(cited?.quote);
    expect(cited?.quote).toMatch(/^推动5G-A.*4\.5万个。$/);
    expect(answer.answer).toMatch(/\[1\]/);
  });

  it('refuses and refers on when the documents do not cover the question', async () => {
    const answer = await ask('青岛居住证怎么办理？');
    expect(answer.refused).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain('12345');
  });

  it('refuses a number question whose quantity the documents do not state', async () => {
    // The seed states how many 5G base stations (基站数达4.5万个), not a coverage rate.
    const rate = await ask('2025年青岛5G基站的覆盖率目标是多少？');
    expect(rate.refused).toBe(true);
    const count = await ask('2025年青岛5G基站数量目标是多少？');
    expect(count.refused).toBe(false);
    expect(count.answer).toContain('4.5万');
  });

  it('refuses a sum asked where the only sum stated is a fine, and answers the fine when it is asked', async () => {
    // 第二十条 states a fine; no article states what registering costs.
    const fee = await ask('在青岛办理示范登记要交多少钱？');
    expect(fee.refused).toBe(true);
    const fine = await ask('在青岛没办示范登记，要罚多少钱？');
    expect(fine.refused).toBe(false);
    expect(fine.answer).toContain('二百元以上五百元以下');
  });

  it('answers from exactly the named article', async () => {
    const answer = await ask('《青岛市示范管理条例》第十条的内容是什么？');
    expect(answer.refused).toBe(false);
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0].quote).toContain('五个工作日内');
    expect(answer.citations[0].headingPath).toContain('第十条');
  });

  it('refuses a place the documents are not about, but answers it from a document naming no place', async () => {
    // The seed is about Qingdao: a Beijing question over it would be confidently wrong.
    expect((await ask('北京市5G基站要建多少个？')).refused).toBe(true);
    // A notice naming no place (national, or its origin not recorded) may apply anywhere.
    await assistant.indexer.upsertText('notice-place', '关于示范补贴的通知\n示范补贴每人每月发放300元。', {
      title: '关于示范补贴的通知',
    });
    const answer = await ask('北京市示范补贴每人每月发放多少？');
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('300元');
    await assistant.indexer.delete('notice-place');
  });

  it('shows the new metadata of a document replaced in place (same document count)', async () => {
    const { createHybridRetriever } = await import('../../src/retrieve/hybrid-retriever.js');
    const retriever = createHybridRetriever({ ...assistant, metaMaxAgeMs: 0 });
    const text = '关于示范窗口的通知\n示范窗口提供延时服务。';
    await assistant.indexer.upsertText('notice-demo', text, { title: '旧标题通知' });
    expect((await retriever.retrieve('示范窗口延时服务')).passages[0].meta.title).toBe('旧标题通知');
    await assistant.indexer.upsertText('notice-demo', text, { title: '新标题通知' });
    expect((await retriever.retrieve('示范窗口延时服务')).passages[0].meta.title).toBe('新标题通知');
    await assistant.indexer.delete('notice-demo');
  });

  it('filters by document metadata', async () => {
    const retrieval = await assistant.retriever.retrieve('示范登记', { filters: { type: '政策解读' } });
    expect(retrieval.passages.every((p) => p.chunk.docId === SEED_ID)).toBe(true);
  });

  it('re-ingests incrementally: unchanged skipped, changed replaced, removed deleted', async () => {
    await assistant.close();
    const indexDir = join(root, 'index');
    const again = await buildAssistant(configFor(indexDir), { ingest: {} });
    expect(again.lastIngest).toMatchObject({ unchanged: 2, added: 0, replaced: 0, removed: 0 });
    await again.close();

    await writeFile(join(corpus, 'laws', 'law-demo.md'), LAW.replace('五个工作日', '三个工作日'));
    await writeFile(join(corpus, 'new-note.txt'), '关于示范事项的通知\n示范事项自2026年起网上办理。');
    await rm(join(corpus, 'seeds'), { recursive: true });
    // Both stored documents replaced or removed: rebuilt from scratch, the report still says what changed.
    const third = await buildAssistant(configFor(indexDir), { ingest: {} });
    expect(third.lastIngest).toMatchObject({
      added: 1,
      replaced: 1,
      removed: 1,
      documents: 2,
      rebuilt: true,
    });
    const retrieval = await third.retriever.retrieve('《青岛市示范管理条例》第十条');
    expect(retrieval.passages[0].chunk.text).toContain('三个工作日');
    await third.close();

    // Half of them changed: updated in place.
    await writeFile(join(corpus, 'new-note.txt'), '关于示范事项的通知\n示范事项自2027年起网上办理。');
    const fourth = await buildAssistant(configFor(indexDir), { ingest: {} });
    expect(fourth.lastIngest).toMatchObject({ added: 0, replaced: 1, unchanged: 1, documents: 2 });
    expect(fourth.lastIngest?.rebuilt).toBeUndefined();
    expect((await fourth.retriever.retrieve('示范事项网上办理')).passages[0].chunk.text).toContain('2027');
    assistant = fourth;
  });

  it('refuses an index built with another configuration, and rebuilds it when asked to ingest', async () => {
    const indexDir = join(root, 'index');
    const other = loadConfig({
      INDEX_DIR: indexDir,
      CORPUS_DIRS: corpus,
      UPLOAD_DIR: join(root, 'uploads'),
      EMBEDDING_DIMENSIONS: '128',
    });
    await assistant.close();
    await expect(buildAssistant(other)).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });
    const rebuilt = await buildAssistant(other, { ingest: {} });
    expect(rebuilt.embedder.dimensions).toBe(128);
    expect(rebuilt.lastIngest).toMatchObject({ added: 2, documents: 2 });
    assistant = rebuilt;
  });
});
