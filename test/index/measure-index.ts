/**
 * Measures the index layer on the shared corpus (not a vitest test; run by hand):
 *   node --import tsx test/index/measure-index.ts [--tokenizer jieba|bigram] [--chunk 350] [--dir /tmp/x]
 * Reports hashing-embedder throughput, build, flush, on-disk size, cold load and query latency.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chunk, SourceDocument } from '../../src/domain.js';
import { HashingEmbedder } from '../../src/index/hashing-embedder.js';
import { openLocalStore } from '../../src/index/open-local-store.js';
import type { IndexIdentity } from '../../src/index/search-store.js';
import { createJiebaTokenizer } from '../../src/text/jieba-tokenizer.js';
import type { Tokenizer } from '../../src/text/tokenizer.js';
import { CharBigramTokenizer } from '../fakes/char-bigram-tokenizer.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const CORPUS = '/work/shared/corpus/docs';
const chunkChars = Number(arg('chunk', '350'));
const dir = arg('dir', join(tmpdir(), 'measure-index'));
const log = (...a: unknown[]) => console.log(`[load ${loadavg()[0].toFixed(1)}]`, ...a);

async function walk(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

const files = (await walk(CORPUS)).sort();
const docs: SourceDocument[] = [];
for (const f of files) {
  const text = await readFile(f, 'utf8');
  const id =
    f
      .split('/')
      .pop()
      ?.replace(/\.\w+$/, '') ?? f;
  docs.push({
    id,
    path: f,
    text,
    hash: String(text.length),
    meta: { id, title: id, type: '其他', sourcePath: f },
  });
}
const chunksOf = (doc: SourceDocument): Chunk[] => {
  const out: Chunk[] = [];
  for (let s = 0, i = 0; s < doc.text.length; s += chunkChars, i += 1) {
    const end = Math.min(doc.text.length, s + chunkChars);
    out.push({
      id: `${doc.id}#${i}`,
      docId: doc.id,
      start: s,
      end,
      headingPath: [],
      text: doc.text.slice(s, end),
    });
  }
  return out;
};
const allChunks = docs.map(chunksOf);
const texts = allChunks.flat().map((c) => c.text);
const mb = Buffer.byteLength(texts.join(''), 'utf8') / 1e6;
log(`corpus: ${docs.length} docs, ${texts.length} chunks of ≤${chunkChars} chars, ${mb.toFixed(1)} MB`);

let tokenizer: Tokenizer;
let t = performance.now();
if (arg('tokenizer', 'jieba') === 'jieba') {
  tokenizer = createJiebaTokenizer();
  tokenizer.tokenize('预热');
  log(`jieba load ${((performance.now() - t) / 1000).toFixed(1)} s`);
} else tokenizer = new CharBigramTokenizer();

t = performance.now();
const tokens = texts.map((x) => tokenizer.tokenize(x));
let s = (performance.now() - t) / 1000;
log(`tokenize: ${s.toFixed(1)} s, ${(texts.length / s).toFixed(0)} texts/s, ${(mb / s).toFixed(1)} MB/s`);

const plain = new HashingEmbedder({ tokenizer });
t = performance.now();
const idf = plain.fitIdf(texts);
log(
  `fitIdf (incl. tokenize): ${((performance.now() - t) / 1000).toFixed(1)} s, table ${(JSON.stringify(idf).length / 1e6).toFixed(2)} MB`,
);
const embedder = plain.withIdf(idf);
t = performance.now();
const vectors = texts.map((x, i) => embedder.embedTokens(tokens[i], x));
s = (performance.now() - t) / 1000;
log(
  `embedTokens (tokens given): ${s.toFixed(1)} s, ${(texts.length / s).toFixed(0)} texts/s, ${(mb / s).toFixed(1)} MB/s`,
);

const identity: IndexIdentity = {
  schemaVersion: 1,
  embedderId: embedder.id,
  dimensions: 256,
  tokenizerId: tokenizer.id,
};
await rm(dir, { recursive: true, force: true });
const store = await openLocalStore({ dir, identity, create: true });
t = performance.now();
let k = 0;
for (let d = 0; d < docs.length; d += 1) {
  const indexed = allChunks[d].map((chunk) => ({ chunk, tokens: tokens[k], vector: vectors[k++] }));
  await store.upsertDocument(docs[d], indexed);
  if (d % 500 === 0)
    log(`  upserted ${d} docs, ${k} chunks, ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
log(`build (BM25 + HNSW insert): ${((performance.now() - t) / 1000).toFixed(1)} s`);
store.setExtra('embedderIdf', idf);
t = performance.now();
await store.flush();
log(`flush: ${((performance.now() - t) / 1000).toFixed(1)} s`);
const gen = join(dir, 'gen-1');
for (const f of await readdir(gen)) log(`  ${f}: ${((await stat(join(gen, f))).size / 1e6).toFixed(1)} MB`);

t = performance.now();
const loaded = await openLocalStore({ dir, identity });
log(`cold load: ${((performance.now() - t) / 1000).toFixed(2)} s`, await loaded.stats());

const queries = [
  '住房公积金提取条件',
  '养犬登记需要哪些材料',
  '城乡居民养老保险转移',
  '营业执照办理流程',
  '失业保险金领取',
];
for (const mode of ['keyword', 'vector'] as const) {
  const times: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    for (const q of queries) {
      const t0 = performance.now();
      if (mode === 'keyword') await loaded.keywordSearch(tokenizer.tokenizeQuery(q), 50);
      else await loaded.vectorSearch(await embedder.embedQuery(q), 50);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  log(
    `${mode} search k=50: p50 ${times[times.length >> 1].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms`,
  );
}
const t0 = performance.now();
await loaded.vectorSearch(await embedder.embedQuery('养犬'), 10, { docIds: [docs[5].id] });
log(`vector search with docIds filter (exact path): ${(performance.now() - t0).toFixed(1)} ms`);
