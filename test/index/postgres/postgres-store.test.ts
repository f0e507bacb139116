import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import type { LocalStore } from '../../../src/index/local-store.js';
import { openLocalStore } from '../../../src/index/open-local-store.js';
import { openPostgresStore } from '../../../src/index/postgres/open-postgres-store.js';
import type { PostgresStore } from '../../../src/index/postgres/postgres-store.js';
import { type PgTestServer, startPgServer } from '../../fakes/pg-server.js';
import { DOCS, embedder, identity, indexed, makeDoc } from './store-fixtures.js';

describe('PostgresStore', () => {
  let server: PgTestServer;
  let root: string;
  let pgStore: PostgresStore;
  let local: LocalStore;
  const opened: PostgresStore[] = [];
  const open = async (options: Partial<Parameters<typeof openPostgresStore>[0]> = {}) => {
    const s = await openPostgresStore({ url: server.url, poolMax: 2, identity, ...options });
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pg-store-'));
    server = await startPgServer();
    pgStore = await open({ create: true, extras: { minedTerms: ['一件事'] } });
    local = await openLocalStore({ dir: join(root, 'index'), identity, create: true });
    for (const doc of DOCS) {
      const chunks = await indexed(doc);
      await pgStore.upsertDocument(doc, chunks);
      await local.upsertDocument(doc, chunks);
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of opened) await s.close();
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses to open an empty database without create', async () => {
    const empty = await startPgServer();
    try {
      await expect(openPostgresStore({ url: empty.url, identity })).rejects.toMatchObject({
        code: 'INDEX_NOT_READY',
      });
    } finally {
      await empty.stop();
    }
  }, 30_000);

  it('refuses another embedder or dimension with INDEX_MISMATCH naming the fields', async () => {
    const err = await open({ identity: { ...identity, dimensions: 128, embedderId: 'other' } }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('INDEX_MISMATCH');
    expect(err.message).toContain('dimensions: 索引为 (index has) 64, 当前配置为 (configured) 128');
    expect(err.message).toContain('embedderId');
  });

  it('keeps extras in the database', async () => {
    expect(await pgStore.getExtra('minedTerms')).toEqual(['一件事']);
    await pgStore.setExtra('other', { a: 1 });
    expect(await pgStore.getExtra('other')).toEqual({ a: 1 });
    expect(await pgStore.getExtra('minedTerms')).toEqual(['一件事']);
  });

  it('gives the same BM25 hits, scores and matched terms as the local store', async () => {
    const queries: string[][][] = [
      [['公积金', '住房公积金'], ['提取']],
      [['登记'], ['办理']],
      [['5g-a'], ['4.5']],
      [['犬只'], ['免疫'], ['犬只']],
      [['没有的词']],
      [['引号'], ['反斜']],
      // All-of terms: the chunks holding every part (公积 and 提取; 登记 and 材料), none for 犬只+公积.
      [['公积+提取'], ['证明']],
      [['没有的词', '登记+材料']],
      [['犬只+公积'], ['登记']],
    ];
    for (const q of queries) {
      const a = await pgStore.keywordSearch(q, 10);
      const b = await local.keywordSearch(q, 10);
      expect(a.map((h) => [h.chunkId, h.rank, h.matchedTerms])).toEqual(
        b.map((h) => [h.chunkId, h.rank, h.matchedTerms]),
      );
      a.forEach((h, i) => {
        expect(h.score).toBeCloseTo(b[i].score, 9);
      });
    }
    expect((await pgStore.keywordSearch([['登记']], 10)).length).toBeGreaterThan(2);
    const allOf = await pgStore.keywordSearch([['公积+提取']], 10);
    expect(allOf.map((h) => h.matchedTerms)).toEqual([['公积+提取']]);
    expect(await pgStore.keywordSearch([['犬只+公积']], 10)).toEqual([]);
  });

  it('gives the same idf as the local store', async () => {
    const terms = ['登记', '公积', '没有', '5g-a', '登记+材料', '犬只+公积'];
    const a = await pgStore.idf(terms);
    const b = await local.idf(terms);
    for (const t of terms) expect(a.get(t)).toBeCloseTo(b.get(t) ?? Number.NaN, 12);
  });

  it('finds the nearest chunks by cosine, as the local store does', async () => {
    const v = await embedder.embedQuery('犬只定期免疫');
    const a = await pgStore.vectorSearch(v, 3);
    const b = await local.vectorSearch(v, 3);
    expect(a[0].chunkId).toBe('dog#2');
    expect(a.map((h) => h.chunkId)).toEqual(b.map((h) => h.chunkId));
    expect(a[0].score).toBeCloseTo(b[0].score, 5);
  });

  it('applies every metadata filter in SQL with the local meaning', async () => {
    const filters = [
      { authority: '人民代表大会' },
      { year: 2025 },
      { type: '政策解读' as const },
      { docNumber: '青政办字[2025]21号' },
      { docNumber: '〔2025〕' },
      { docIds: ['ss', 'dog'] },
      { year: 2025, type: '政策文件' as const },
      { authority: '不存在' },
    ];
    for (const filter of filters) {
      expect((await pgStore.listDocuments(filter)).map((m) => m.id)).toEqual(
        (await local.listDocuments(filter)).map((m) => m.id),
      );
      const kw = await pgStore.keywordSearch([['登记'], ['办理'], ['公积金']], 10, filter);
      expect(kw.map((h) => h.chunkId)).toEqual(
        (await local.keywordSearch([['登记'], ['办理'], ['公积金']], 10, filter)).map((h) => h.chunkId),
      );
      const v = await pgStore.vectorSearch(await embedder.embedQuery('办理登记'), 10, filter);
      expect(new Set(v.map((h) => h.chunkId))).toEqual(
        new Set(
          (await local.vectorSearch(await embedder.embedQuery('办理登记'), 10, filter)).map((h) => h.chunkId),
        ),
      );
    }
  });

  it('returns documents with their chunks and chunks by id in the order asked', async () => {
    const doc = await pgStore.getDocument('gjj');
    expect(doc).toEqual(await local.getDocument('gjj'));
    expect(doc?.chunks[2]).toMatchObject({ article: '第十条', text: '第十条 公积金贷款额度最高60万元' });
    expect((await pgStore.getChunks(['5g#1', 'nope', 'gjj#0'])).map((c) => c.id)).toEqual(['5g#1', 'gjj#0']);
    expect(await pgStore.documentHash('gjj')).toBe(DOCS[0].hash);
    expect(await pgStore.documentHash('nope')).toBeUndefined();
  });

  it('replaces a document in one transaction: a failure leaves the old version whole', async () => {
    const before = await pgStore.getDocument('dog');
    const statsBefore = await pgStore.stats();
    const idfBefore = await pgStore.idf(['犬只', '新词']);
    const next = makeDoc('dog', ['青岛市养犬管理条例', '新词出现在新版', '犬只应当定期免疫']);
    const chunks = await indexed(next);
    chunks[2].vector[0] = Number.NaN; // pgvector rejects NaN: the INSERT fails after the DELETE ran
    await expect(pgStore.upsertDocument(next, chunks)).rejects.toThrow(/NaN/);
    expect(await pgStore.getDocument('dog')).toEqual(before);
    expect(await pgStore.stats()).toEqual(statsBefore);
    expect(await pgStore.idf(['犬只', '新词'])).toEqual(idfBefore);

    await pgStore.upsertDocument(next, await indexed(next));
    expect((await pgStore.getDocument('dog'))?.chunks.map((c) => c.text)).toEqual(next.text.split('\n'));
    expect((await pgStore.keywordSearch([['新词']], 5)).map((h) => h.chunkId)).toEqual(['dog#1']);
    expect(await pgStore.stats()).toEqual({ documents: 4, chunks: statsBefore.chunks - 1 });
    // Insertion order is kept on replace, as in the local store.
    expect((await pgStore.listDocuments()).map((m) => m.id)).toEqual(['gjj', 'dog', '5g', 'ss']);
  });

  it('deletes a document with its chunks and term statistics', async () => {
    const n = await pgStore.stats();
    expect(await pgStore.deleteDocument('5g')).toBe(true);
    expect(await pgStore.deleteDocument('5g')).toBe(false);
    expect(await pgStore.getDocument('5g')).toBeUndefined();
    expect(await pgStore.keywordSearch([['5g-a']], 5)).toEqual([]);
    expect(await pgStore.stats()).toEqual({ documents: 3, chunks: n.chunks - 3 });
    const { rows } = await pgStore.pool.query(
      `SELECT count(*)::int AS n FROM chunks WHERE document_id = '5g'`,
    );
    expect(rows[0].n).toBe(0);
    const idf = await pgStore.idf(['5g-a']);
    expect(idf.get('5g-a')).toBeCloseTo(Math.log(1 + (n.chunks - 3 + 0.5) / 0.5), 12);
  });

  it('a second store on the same database sees a change at once', async () => {
    const other = await open();
    const doc = makeDoc('note', ['关于示范事项的通知', '示范事项自2026年起网上办理']);
    await pgStore.upsertDocument(doc, await indexed(doc));
    expect((await other.keywordSearch([['示范']], 5))[0]?.chunkId).toMatch(/^note#/);
    const v = await other.vectorSearch(await embedder.embedQuery('示范事项网上办理'), 1);
    expect(v[0].chunkId).toBe('note#1');
    await other.deleteDocument('note');
    expect(await pgStore.getDocument('note')).toBeUndefined();
  });

  it('resets for a full rebuild, with a new dimension if asked', async () => {
    const fresh = await open({ identity: { ...identity, dimensions: 32 }, reset: true, create: true });
    expect(await fresh.stats()).toEqual({ documents: 0, chunks: 0 });
    await expect(open()).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });
  });
});

describe('PostgresStore across a database restart', () => {
  it('loses nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pg-data-'));
    try {
      let server = await startPgServer({ dataDir: dir });
      let store = await openPostgresStore({ url: server.url, identity, create: true });
      for (const doc of DOCS) await store.upsertDocument(doc, await indexed(doc));
      const hits = await store.keywordSearch([['登记']], 5);
      await store.close();
      await server.stop();

      server = await startPgServer({ dataDir: dir });
      store = await openPostgresStore({ url: server.url, identity });
      try {
        expect(await store.stats()).toEqual({ documents: 4, chunks: 13 });
        expect(await store.keywordSearch([['登记']], 5)).toEqual(hits);
        expect((await store.vectorSearch(await embedder.embedQuery('犬只定期免疫'), 1))[0].chunkId).toBe(
          'dog#2',
        );
      } finally {
        await store.close();
        await server.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
