import { describe, expect, it } from 'vitest';
import { questionForTerms } from '../../src/retrieve/query-terms.js';
import { statedValues, withoutStatedValues } from '../../src/retrieve/stated-values.js';

describe('values a citizen states about their case', () => {
  it('reads ages and temperatures, in Arabic digits or Chinese numerals', () => {
    expect(statedValues('我爸今年66了，坐公交车还要掏钱吗？')).toEqual([
      { kind: 'age', value: 66, start: 4, end: 7 },
    ]);
    expect(statedValues('孩子七岁能上小学吗').map((v) => [v.kind, v.value])).toEqual([['age', 7]]);
    expect(statedValues('暖气只有15度，能退钱吗').map((v) => [v.kind, v.value])).toEqual([
      ['temperature', 15],
    ]);
  });

  it('leaves asks, ordinals, years and ranges alone', () => {
    expect(statedValues('孩子几岁可以上学？')).toEqual([]);
    expect(statedValues('室温要达到多少度？')).toEqual([]);
    expect(statedValues('第15度')).toEqual([]);
    expect(statedValues('2025年青岛要建多少基站')).toEqual([]);
    expect(statedValues('60岁以上老人')).toEqual([]);
  });

  it('searches the value as the word for its quantity, not as a number', () => {
    expect(withoutStatedValues('我爸今年66了，坐公交车要钱吗')).toBe('我爸今年 周岁 ，坐公交车要钱吗');
    expect(withoutStatedValues('暖气只有15度')).toBe('暖气只有 温度 ');
    expect(questionForTerms('暖气只有15度，能不能退钱？')).toBe('暖气只有 温度 ，能退钱？');
  });
});
