import { describe, expect, it } from 'vitest';
import { charF1, keyPointRecall, rougeL } from '../../src/eval/answer-metrics.js';

describe('keyPointRecall', () => {
  it('counts key points present after width/space normalisation', () => {
    const r = keyPointRecall('共推进５４ 项任务[1]，分7个方面。', ['54项', '7个方面']);
    expect(r).toEqual({ pass: true, score: 1, reason: 'all 2 key points present' });
  });
  it('names the missing key points', () => {
    const r = keyPointRecall('共推进54项任务。', ['54项', '7个方面']);
    expect(r).toEqual({ pass: false, score: 0.5, reason: 'missing key points: "7个方面"' });
  });
  it('passes with no key points', () => {
    expect(keyPointRecall('任何', []).score).toBe(1);
  });
});

describe('charF1', () => {
  it('is 1 for the same content, ignoring punctuation, spaces and citation markers', () => {
    expect(charF1('力争5G基站数达4.5万个。[1]', '力争 5G 基站数达4.5万个').score).toBe(1);
  });
  it('scores partial overlap as the harmonic mean of char precision and recall', () => {
    // answer 4 chars, reference 8 chars, 4 in common: P=1, R=0.5, F1=2/3
    const r = charF1('青岛数字', '青岛数字经济方案');
    expect(r.score).toBeCloseTo(2 / 3, 6);
    expect(r.pass).toBe(true);
  });
  it('fails an unrelated answer', () => {
    const r = charF1('北京市', '青岛数字经济');
    expect(r).toMatchObject({ pass: false, score: 0 });
    expect(r.reason).toContain('青岛数字经济');
  });
});

describe('rougeL', () => {
  it('uses the longest common subsequence of characters', () => {
    // LCS('数字青岛行动', '青岛数字行动') = 4 (青岛行动): P = R = 4/6
    expect(rougeL('数字青岛行动', '青岛数字行动').score).toBeCloseTo(4 / 6, 6);
  });
  it('fails an empty answer', () => {
    expect(rougeL('', '青岛')).toEqual({ pass: false, score: 0, reason: 'empty answer' });
  });
  it('is order sensitive where charF1 is not', () => {
    expect(charF1('岛青', '青岛').score).toBe(1);
    expect(rougeL('岛青', '青岛').score).toBe(0.5);
  });
});
