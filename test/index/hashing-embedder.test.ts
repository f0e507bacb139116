import { describe, expect, it } from 'vitest';
import { HashingEmbedder } from '../../src/index/hashing-embedder.js';
import { CharBigramTokenizer } from '../fakes/char-bigram-tokenizer.js';

const tokenizer = new CharBigramTokenizer();
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('HashingEmbedder', () => {
  it('gives deterministic unit vectors of the configured size, and a zero vector for empty text', async () => {
    const e = new HashingEmbedder({ tokenizer, dimensions: 64 });
    const [a, b] = await e.embedDocuments(['住房公积金提取', '住房公积金提取']);
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    expect(cos(a, a)).toBeCloseTo(1, 10);
    expect(await e.embedQuery('住房公积金提取')).toEqual(a);
    expect((await e.embedQuery('。。')).every((x) => x === 0)).toBe(true);
    expect(e.id).toBe('hashing-v1-d64-b0.5+char-bigram-test-1');
  });

  it('places texts sharing words and bigrams closer than unrelated ones', async () => {
    const e = new HashingEmbedder({ tokenizer });
    const [q, near, far] = await e.embedDocuments([
      '如何提取住房公积金',
      '职工提取住房公积金的条件和办理流程',
      '青岛市养犬管理条例规定犬只应当免疫',
    ]);
    expect(cos(q, near)).toBeGreaterThan(cos(q, far) + 0.2);
  });

  it('matches across whitespace and full-width forms through normalised bigrams', async () => {
    const e = new HashingEmbedder({ tokenizer: { id: 'none', tokenize: () => [], tokenizeQuery: () => [] } });
    const [a, b] = await e.embedDocuments(['养老 保险', '养老保险']);
    expect(cos(a, b)).toBeCloseTo(1, 10);
  });

  it('fits a serialisable idf table that changes the id and down-weights common features', async () => {
    const plain = new HashingEmbedder({ tokenizer, dimensions: 128 });
    const texts = Array.from(
      { length: 50 },
      (_, i) => `通知${i % 3 === 0 ? '养犬管理' : '公积金提取'}事项说明第${i}号`,
    );
    const table = plain.fitIdf(texts);
    const restored = JSON.parse(JSON.stringify(table));
    const weighted = plain.withIdf(restored);
    expect(weighted.id).toMatch(/^hashing-v1-d128-b0.5-idf[0-9a-f]{8}\+char-bigram-test-1$/);
    expect(plain.withIdf(plain.fitIdf(texts)).id).toBe(weighted.id);
    expect(plain.fitIdf(texts, { tokens: texts.map((t) => tokenizer.tokenize(t)) })).toEqual(table);
    // '通知' is in every text: with idf it counts for less, so two texts sharing only it drift apart.
    const pair = ['通知养犬管理', '通知公积金提取'];
    const [p1, p2] = await plain.embedDocuments(pair);
    const [w1, w2] = await weighted.embedDocuments(pair);
    expect(cos(w1, w2)).toBeLessThan(cos(p1, p2));
  });
});
