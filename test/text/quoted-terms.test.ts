import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mineQuotedTerms } from '../../src/text/quoted-terms.js';

const SEED = readFileSync(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url), 'utf8');

describe('mineQuotedTerms', () => {
  it('finds the terms the seed quotes at least twice', () => {
    expect(mineQuotedTerms([SEED])).toEqual(['数字更新', '数据要素×']);
  });

  it('finds the seed’s coined terms with minCount 1', () => {
    const terms = mineQuotedTerms([SEED], { minCount: 1 });
    for (const t of [
      '数字青岛2.0',
      '人工智能+',
      '城市云脑2.0',
      '无证明机关',
      '高效办成一件事',
      '算力券',
      '一网协同',
      '无废城市',
    ]) {
      expect(terms).toContain(t);
    }
    // Spaces cannot enter a jieba dictionary line; longer phrases are not terms.
    expect(terms).not.toContain('山东手造 青岛有礼');
    expect(terms).not.toContain('大模型+政务服务智能助手');
  });

  it('counts across texts and quote styles, full width included', () => {
    const texts = ['推行“一网通办”改革', '深化「一网通办」', '实现"一网通办"', '“一次办好”'];
    expect(mineQuotedTerms(texts, { minCount: 3 })).toEqual(['一网通办']);
    expect(mineQuotedTerms(['推行＂一网通办＂', '“一网通办”'])).toEqual(['一网通办']);
  });

  it('skips quoted sentences, Latin-only phrases and single characters', () => {
    const texts = ['“我们要把工作做好，服务群众。”', '“APP”', '“APP”', '“好”', '“好”'];
    expect(mineQuotedTerms(texts)).toEqual([]);
  });

  it('honours maxLen', () => {
    const texts = ['“高效办成一件事”', '“高效办成一件事”'];
    expect(mineQuotedTerms(texts, { maxLen: 6 })).toEqual([]);
    expect(mineQuotedTerms(texts, { maxLen: 7 })).toEqual(['高效办成一件事']);
  });
});
