import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta, SourceDocument } from '../../src/domain.js';
import { AppError } from '../../src/errors.js';
import { HashingEmbedder } from '../../src/index/hashing-embedder.js';
import { DEFAULT_HNSW_PARAMS } from '../../src/index/hnsw-index.js';
import type { LocalStore } from '../../src/index/local-store.js';
import { openLocalStore } from '../../src/index/open-local-store.js';
import type { IndexedChunk, IndexIdentity } from '../../src/index/search-store.js';
import { CharBigramTokenizer } from '../fakes/char-bigram-tokenizer.js';

const tokenizer = new CharBigramTokenizer();
const embedder = new HashingEmbedder({ tokenizer, dimensions: 64 });
const identity: IndexIdentity = {
  schemaVersion: 1,
  embedderId: embedder.id,
  dimensions: 64,
  tokenizerId: tokenizer.id,
};
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'local-store-'));
  dirs.push(d);
  return join(d, 'index');
}

function makeDoc(id: string, paragraphs: string[], meta: Partial<DocumentMeta> = {}): SourceDocument {
  const text = paragraphs.join('\n');
  return {
    id,
    path: `/corpus/${id}.txt`,
    text,
    hash: `h-${id}-${text.length}`,
    meta: { id, title: paragraphs[0], type: '政策文件', sourcePath: `${id}.txt`, ...meta },
  };
}

async function indexed(doc: SourceDocument): Promise<IndexedChunk[]> {
  let at = 0;
  const chunks: Chunk[] = doc.text.split('\n').map((p, i) => {
    const start = doc.text.indexOf(p, at);
    at = start + p.length;
    return { id: `${doc.id}#${i}`, docId: doc.id, start, end: at, headingPath: [doc.meta.title], text: p };
  });
  const vectors = await embedder.embedDocuments(chunks.map((c) => c.text));
  return chunks.map((chunk, i) => ({ chunk, tokens: tokenizer.tokenize(chunk.text), vector: vectors[i] }));
}

const DOCS = [
  makeDoc('gjj', ['住房公积金管理办法', '职工提取住房公积金应当提供证明材料', '第十条 公积金贷款额度'], {
    authority: '青岛市人民政府办公厅',
    publishDate: '2025-03-01',
    docNumber: '青政办字〔2025〕21号',
    type: '政策文件',
  }),
  makeDoc('dog', ['青岛市养犬管理条例', '养犬人应当为犬只办理登记', '犬只应当定期免疫'], {
    authority: '青岛市人民代表大会常务委员会',
    publishDate: '2018-06-01',
    type: '法规',
  }),
  makeDoc('ylbx', ['城乡居民基本养老保险办法', '参保人可以申请转移养老保险关系'], {
    authority: '山东省人力资源和社会保障厅',
    publishDate: '2025-01-10',
    type: '办事指南',
  }),
];

async function filled(dir: string): Promise<LocalStore> {
  const store = await openLocalStore({ dir, identity, create: true });
  for (const doc of DOCS) await store.upsertDocument(doc, await indexed(doc));
  return store;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('LocalStore', () => {
  it('stores documents and chunks and searches by keyword and vector', async () => {
    const store = await filled(await tempDir());
    expect(await store.stats()).toEqual({ documents: 3, chunks: 8 });
    expect(await store.documentHash('dog')).toBe(DOCS[1].hash);
    const doc = await store.getDocument('gjj');
    expect(doc?.chunks.map((c) => c.text)).toEqual(DOCS[0].text.split('\n'));
    expect(await store.getChunks(['dog#1', 'nope', 'gjj#0'])).toMatchObject([
      { text: '养犬人应当为犬只办理登记' },
      { id: 'gjj#0' },
    ]);

    const kw = await store.keywordSearch(tokenizer.tokenizeQuery('提取公积金'), 3);
    expect(kw[0]).toMatchObject({ chunkId: 'gjj#1', rank: 1 });
    expect(kw[0].matchedTerms).toEqual(expect.arrayContaining(['提取', '公积']));
    const vec = await store.vectorSearch(await embedder.embedQuery('犬只免疫'), 2);
    expect(vec[0]).toMatchObject({ chunkId: 'dog#2', rank: 1 });

    const idf = await store.idf(['公积', '没有的词']);
    expect(idf.get('没有的词')).toBeCloseTo(Math.log(1 + 8.5 / 0.5));
    expect(idf.get('公积') as number).toBeLessThan(idf.get('没有的词') as number);
  });

  it('applies metadata filters to keyword and vector search and to the document list', async () => {
    const store = await filled(await tempDir());
    const q = tokenizer.tokenizeQuery('应当');
    const qv = await embedder.embedQuery('应当');
    const ids = async (f: Parameters<LocalStore['keywordSearch']>[2]) => ({
      kw: (await store.keywordSearch(q, 10, f)).map((h) => h.chunkId.split('#')[0]),
      vec: [...new Set((await store.vectorSearch(qv, 10, f)).map((h) => h.chunkId.split('#')[0]))],
    });
    expect(await ids({ type: '法规' })).toEqual({ kw: ['dog', 'dog'], vec: ['dog'] });
    expect((await ids({ year: 2025 })).kw).toEqual(['gjj']);
    expect((await ids({ authority: '人民政府' })).vec).toEqual(['gjj']);
    expect((await ids({ docNumber: '青政办字[2025]21号' })).kw).toEqual(['gjj']);
    expect((await ids({ docIds: ['ylbx'] })).vec).toEqual(['ylbx']);
    expect((await store.listDocuments({ year: 2025 })).map((m) => m.id).sort()).toEqual(['gjj', 'ylbx']);
    expect(await store.listDocuments({ year: 1999 })).toEqual([]);
  });

  it('replaces a document on upsert and deletes it, leaving no stale postings or vectors', async () => {
    const store = await filled(await tempDir());
    const v2 = makeDoc('dog', ['青岛市养犬管理条例（修订）', '养犬人应当为犬只佩戴犬牌'], { type: '法规' });
    await store.upsertDocument(v2, await indexed(v2));
    expect(await store.stats()).toEqual({ documents: 3, chunks: 7 });
    expect(await store.keywordSearch([['免疫']], 5)).toEqual([]);
    const vec = await store.vectorSearch(await embedder.embedQuery('犬只应当定期免疫'), 10);
    expect(vec.map((h) => h.chunkId)).not.toContain('dog#2');
    expect(vec.every((h) => h.chunkId !== '')).toBe(true);
    expect(await store.deleteDocument('dog')).toBe(true);
    expect(await store.deleteDocument('dog')).toBe(false);
    expect(await store.keywordSearch([['犬牌']], 5)).toEqual([]);
    expect(await store.getDocument('dog')).toBeUndefined();
    const bad = { ...(await indexed(DOCS[1]))[0], vector: [1, 2, 3] };
    expect(await codeOf(store.upsertDocument(DOCS[1], [bad]))).toBe('INDEX_MISMATCH');
    expect(await store.stats()).toEqual({ documents: 2, chunks: 5 });
  });

  it('persists, reloads with the same answers, keeps extras, and keeps working after reload', async () => {
    const dir = await tempDir();
    const store = await filled(dir);
    store.setExtra('embedderIdf', { version: 1, n: 3 });
    await store.flush();
    const q = tokenizer.tokenizeQuery('养老保险转移');
    const qv = await embedder.embedQuery('养老保险转移');
    const reopened = await openLocalStore({ dir, identity });
    expect(await reopened.stats()).toEqual(await store.stats());
    expect(await reopened.keywordSearch(q, 5)).toEqual(await store.keywordSearch(q, 5));
    expect(await reopened.vectorSearch(qv, 5)).toEqual(await store.vectorSearch(qv, 5));
    expect(await reopened.getDocument('gjj')).toEqual(await store.getDocument('gjj'));
    expect(reopened.getExtra('embedderIdf')).toEqual({ version: 1, n: 3 });
    expect(reopened.buildOptions.hnsw).toMatchObject({
      m: 16,
      efConstruction: DEFAULT_HNSW_PARAMS.efConstruction,
      efSearch: DEFAULT_HNSW_PARAMS.efSearch,
    });
    const doc = makeDoc('new', ['新增文件关于公积金'], {});
    await reopened.upsertDocument(doc, await indexed(doc));
    await reopened.flush();
    const third = await openLocalStore({ dir, identity });
    expect((await third.keywordSearch([['新增']], 1))[0].chunkId).toBe('new#0');
    expect((await readFile(join(dir, 'CURRENT'), 'utf8')).trim()).toBe('gen-2');
  });

  it('refuses an index built with another identity, naming both values', async () => {
    const dir = await tempDir();
    await (await filled(dir)).flush();
    const other = { ...identity, embedderId: 'openai:bge-m3:d64' };
    const err = await openLocalStore({ dir, identity: other }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INDEX_MISMATCH');
    expect((err as AppError).message).toContain(identity.embedderId);
    expect((err as AppError).message).toContain('openai:bge-m3:d64');
  });

  it('reports a missing index as INDEX_NOT_READY unless asked to create one', async () => {
    const dir = await tempDir();
    expect(await codeOf(openLocalStore({ dir, identity }))).toBe('INDEX_NOT_READY');
    const empty = await openLocalStore({ dir, identity, create: true });
    expect(await empty.keywordSearch([['任何']], 5)).toEqual([]);
    expect(await empty.vectorSearch(await embedder.embedQuery('任何'), 5)).toEqual([]);
    await empty.flush();
    expect(await (await openLocalStore({ dir, identity })).stats()).toEqual({ documents: 0, chunks: 0 });
  });

  it('reports a corrupt or truncated file as INDEX_CORRUPT naming the file and the recovery', async () => {
    for (const file of ['bm25.bin', 'chunks.json', 'vectors.hnsw', 'manifest.json']) {
      const dir = await tempDir();
      await (await filled(dir)).flush();
      const path = join(dir, 'gen-1', file);
      const data = await readFile(path);
      await writeFile(path, data.subarray(0, Math.floor(data.length / 2)));
      const err = await openLocalStore({ dir, identity }).catch((e: unknown) => e);
      expect((err as AppError).code, file).toBe('INDEX_CORRUPT');
      expect((err as AppError).message).toContain(path);
      expect((err as AppError).message).toMatch(/delete the index directory/);
    }
  });

  it('survives a crash mid-flush: a partial new generation is ignored, then cleaned up', async () => {
    const dir = await tempDir();
    const store = await filled(dir);
    await store.flush();
    // A crashed flush: gen-2 half written, CURRENT never switched, a stray CURRENT.tmp.
    await mkdir(join(dir, 'gen-2'));
    await writeFile(join(dir, 'gen-2', 'documents.jsonl'), '{"meta":');
    await writeFile(join(dir, 'CURRENT.tmp'), 'gen-2\n');
    const reopened = await openLocalStore({ dir, identity });
    expect(await reopened.stats()).toEqual({ documents: 3, chunks: 8 });
    await reopened.deleteDocument('dog');
    await reopened.flush();
    expect((await readFile(join(dir, 'CURRENT'), 'utf8')).trim()).toBe('gen-3');
    const after = await openLocalStore({ dir, identity });
    expect(await after.stats()).toEqual({ documents: 2, chunks: 5 });
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).filter((n) => n.startsWith('gen-'))).toEqual(['gen-3']);
  });

  it('with reset, starts empty and replaces the old index only on flush', async () => {
    const dir = await tempDir();
    await (await filled(dir)).flush();
    const rebuild = await openLocalStore({ dir, identity, reset: true });
    expect(await rebuild.stats()).toEqual({ documents: 0, chunks: 0 });
    expect(await (await openLocalStore({ dir, identity })).stats()).toEqual({ documents: 3, chunks: 8 });
    await rebuild.upsertDocument(DOCS[0], await indexed(DOCS[0]));
    await rebuild.flush();
    expect(await (await openLocalStore({ dir, identity })).stats()).toEqual({ documents: 1, chunks: 3 });
  });

  it('builds its vector graph on a worker thread when asked (empty store only), with the same hits', async () => {
    const inPlace = await filled(await tempDir());
    const store = await openLocalStore({ dir: await tempDir(), identity, create: true });
    expect(store.backgroundVectors.start()).toBe(true);
    for (const doc of DOCS) await store.upsertDocument(doc, await indexed(doc));
    const query = await embedder.embedQuery('犬只免疫');
    expect(await codeOf(store.vectorSearch(query, 3))).toBe('INDEX_NOT_READY');
    expect(await store.backgroundVectors.finish()).toBeGreaterThan(0);
    expect(await store.backgroundVectors.finish()).toBe(0);
    expect(await store.vectorSearch(query, 3)).toEqual(await inPlace.vectorSearch(query, 3));
    expect(store.backgroundVectors.start()).toBe(false);
    const timings = store.insertTimings();
    expect(timings.bm25).toBeGreaterThan(0);
    await store.upsertDocument(DOCS[0], await indexed(DOCS[0]));
    expect(store.insertTimings().hnsw).toBeGreaterThan(timings.hnsw);
    await store.close();
  });
});

describe('readIndexInfo', () => {
  it('reads the manifest and extras before the identity is known, and nothing when there is no index', async () => {
    const { readIndexInfo } = await import('../../src/index/generation-io.js');
    const { indexIdentity } = await import('../../src/index/index-manifest.js');
    const dir = await tempDir();
    expect(await readIndexInfo(dir)).toBeUndefined();
    const store = await openLocalStore({ dir, identity: indexIdentity(embedder, tokenizer), create: true });
    store.setExtra('minedTerms', ['无证明城市']);
    await store.flush();
    const info = await readIndexInfo(dir);
    expect(info?.extra).toEqual({ minedTerms: ['无证明城市'] });
    expect(info?.manifest).toMatchObject({
      ...identity,
      counts: { documents: 0, chunks: 0, nextOrdinal: 0 },
    });
  });
});
