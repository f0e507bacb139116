import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/domain.js';
import { bigramSupport, citationPrecision, splitSentences } from '../../src/eval/citation-precision.js';

function cite(n: number, quote: string, start = 0, docId = 'd'): Citation {
  return { n, docId, title: 't', headingPath: '', start, end: start + quote.length, quote, verified: true };
}

const q1 = '力争数字经济核心产业增加值占地区生产总值比重达到12%以上';
const q2 = '加快“文化一张网”项目建设，丰富公共数字文化资源建设';

describe('citation precision', () => {
  it('splits sentences keeping trailing markers', () => {
    expect(splitSentences('甲乙。[1]丙丁[2]；戊')).toEqual(['甲乙。[1]', '丙丁[2]；', '戊']);
  });

  it('a citation on an evidence span counts even when the sentence paraphrases', () => {
    const r = citationPrecision(
      '目标是一成二以上[1]。',
      [cite(1, q1, 100)],
      [{ docId: 'd', start: 105, end: 120 }],
    );
    expect(r).toMatchObject({ pass: true, score: 1 });
  });

  it('a citation whose quote supports its sentence counts (bigram share ≥ 0.5)', () => {
    const answer = '数字经济核心产业增加值占地区生产总值比重要达到12%以上[1]。';
    expect(bigramSupport(answer, q1)).toBeGreaterThan(0.8);
    expect(citationPrecision(answer, [cite(1, q1)], []).score).toBe(1);
  });

  it('an off-topic citation fails and is named', () => {
    const answer = '数字经济核心产业增加值比重达到12%以上[1]。文化一张网要加快建设[2]。';
    const r = citationPrecision(answer, [cite(1, q1), cite(2, q1, 500)], []);
    expect(bigramSupport('文化一张网要加快建设', q1)).toBeLessThan(0.2);
    expect(r.pass).toBe(false);
    expect(r.score).toBe(0.5);
    expect(r.reason).toContain('[2] d');
    expect(citationPrecision(answer, [cite(1, q1), cite(2, q2)], []).score).toBe(1);
  });

  it('an answer without citations scores 0', () => {
    expect(citationPrecision('有答案。', [], [])).toEqual({
      pass: false,
      score: 0,
      reason: 'answer has no citations',
    });
  });
});
