import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25.js';
import { decodeBm25, encodeBm25 } from '../../src/index/bm25-codec.js';
import { bm25Idf, bm25TermFrequency, DEFAULT_BM25_PARAMS } from '../../src/index/bm25-scoring.js';
import { CharBigramTokenizer } from '../fakes/char-bigram-tokenizer.js';

const tok = new CharBigramTokenizer({ 社保: ['社会', '会保'] });
const docs = [
  '职工基本养老保险关系转移接续办法',
  '社会保险费征缴暂行条例。社会保险经办机构负责社会保险登记',
  '住房公积金管理条例',
  '城乡居民基本养老保险经办规程',
  '青岛市养犬管理条例',
];

function build(): Bm25Index {
  const index = new Bm25Index();
  docs.forEach((d, i) => {
    index.add(i, tok.tokenize(d));
  });
  return index;
}

describe('bm25 scoring functions', () => {
  it('idf is positive, falls with df, and is maximal for an absent term', () => {
    expect(bm25Idf(100, 0)).toBeCloseTo(Math.log(1 + 100.5 / 0.5));
    expect(bm25Idf(100, 1)).toBeGreaterThan(bm25Idf(100, 50));
    expect(bm25Idf(100, 100)).toBeGreaterThan(0);
  });
  it('tf saturates and long documents score lower', () => {
    const p = DEFAULT_BM25_PARAMS;
    expect(bm25TermFrequency(0, 10, 10, p)).toBe(0);
    expect(bm25TermFrequency(1, 10, 10, p)).toBeCloseTo(1);
    expect(bm25TermFrequency(100, 10, 10, p)).toBeLessThan(p.k1 + 1);
    expect(bm25TermFrequency(2, 40, 10, p)).toBeLessThan(bm25TermFrequency(2, 10, 10, p));
  });
});

describe('Bm25Index', () => {
  it('ranks the document with the query terms first and reports matched terms', () => {
    const hits = build().search(tok.tokenizeQuery('养老保险转移'), 3);
    expect(hits[0].ordinal).toBe(0);
    expect(hits[0].matchedTerms).toEqual(expect.arrayContaining(['养老', '保险', '转移']));
    expect(hits.map((h) => h.ordinal)).toContain(3);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('scores a group by its best alternative, synonyms slightly down-weighted', () => {
    const index = build();
    const [hit] = index.search([['社保', '社会', '会保']], 1);
    expect(hit.ordinal).toBe(1);
    expect(hit.matchedTerms).toEqual(['社会', '会保']);
    const direct = index.search([['社会']], 1)[0].score;
    expect(hit.score).toBeCloseTo(direct * DEFAULT_BM25_PARAMS.synonymWeight);
  });

  it("searches an all-of term (养老+经办) in the documents holding every part, at its rarest part's frequency", () => {
    const index = build();
    // 养老 is in documents 0 and 3, 经办 in 1 and 3: only 3 holds both.
    expect(index.documentFrequency('养老+经办')).toBe(1);
    const [hit, ...rest] = index.search([['养老+经办']], 5);
    expect(hit.ordinal).toBe(3);
    expect(rest).toEqual([]);
    expect(hit.matchedTerms).toEqual(['养老+经办']);
    // As an alternative it scores like a term of that document frequency, times its weight.
    const alone = index.search([['没有的词', '养老+经办']], 1)[0];
    expect(alone.ordinal).toBe(3);
    expect(alone.score).toBeCloseTo(hit.score * DEFAULT_BM25_PARAMS.synonymWeight);
    expect(index.documentFrequency('养老+住房')).toBe(0);
    expect(index.search([['养老+住房']], 5)).toEqual([]);
    // The index changes: the cached postings of the all-of term follow.
    index.add(9, tok.tokenize('养老保险经办'));
    expect(index.documentFrequency('养老+经办')).toBe(2);
  });

  it('searches a term with + whole where the index holds it whole, and a code with + never by parts', () => {
    const index = new Bm25Index();
    index.add(0, ['互联网+政务服务', '平台']);
    index.add(1, ['互联网', '政务服务', '平台']);
    index.add(2, ['10', '1', '政策']);
    expect(index.search([['互联网+政务服务']], 5).map((h) => h.ordinal)).toEqual([0]);
    // 10+1 is a code, not an all-of term: the document holding 10 and 1 apart does not match.
    expect(index.search([['10+1']], 5)).toEqual([]);
  });

  it('filters, removes and replaces documents', () => {
    const index = build();
    expect(index.search([['条例']], 5, (ord) => ord !== 4).map((h) => h.ordinal)).not.toContain(4);
    expect(index.remove(2)).toBe(true);
    expect(index.remove(2)).toBe(false);
    expect(index.search([['公积']], 5)).toEqual([]);
    expect(index.documentFrequency('条例')).toBe(2);
    index.add(7, tok.tokenize('住房公积金提取办法'));
    expect(index.search([['公积']], 5).map((h) => h.ordinal)).toEqual([7]);
    expect(index.size).toBe(5);
  });

  it('round-trips through the binary codec and keeps working after mutation', () => {
    const index = build();
    index.remove(1);
    const restored = new Bm25Index({}, decodeBm25(encodeBm25(index.state())));
    const q = tok.tokenizeQuery('养老保险条例');
    expect(restored.search(q, 5)).toEqual(index.search(q, 5));
    expect(restored.size).toBe(4);
    restored.add(9, tok.tokenize('养老保险条例'));
    restored.remove(0);
    expect(restored.search(q, 1)[0].ordinal).toBe(9);
    expect(() => decodeBm25(Buffer.from('garbage-garbage-garbage-garbage-garbage'))).toThrow(/magic/);
  });

  it('answers in a few ms over 40k documents', () => {
    const index = new Bm25Index();
    const vocab = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    let seed = 1;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    // Zipf-like: low ids are frequent.
    const pick = () => vocab[Math.floor(vocab.length * rnd() ** 3)];
    for (let d = 0; d < 40_000; d += 1) index.add(d, Array.from({ length: 30 }, pick));
    const queries = Array.from({ length: 50 }, () => Array.from({ length: 6 }, () => [pick()]));
    index.search(queries[0], 10);
    const t0 = performance.now();
    for (const q of queries) index.search(q, 10);
    const perQuery = (performance.now() - t0) / queries.length;
    // ~2–5 ms on an idle machine; the bound leaves room for a loaded CI box.
    expect(perQuery).toBeLessThan(50);
  });
});
