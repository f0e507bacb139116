import { describe, expect, it } from 'vitest';
import { questionForTerms } from '../../src/retrieve/question-forms.js';
import {
  statedRanges,
  statedValues,
  statesRangeHolding,
  withoutRangeBounds,
  withoutStatedValues,
} from '../../src/retrieve/stated-values.js';

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

  it('reads the years a citizen worked or paid in, which rules grade in tiers', () => {
    expect(statedValues('我交了6年失业保险，最长能领多久？').map((v) => [v.kind, v.value])).toEqual([
      ['years', 6],
    ]);
    expect(statedValues('我累计工作了12年，年假几天？').map((v) => [v.kind, v.value])).toEqual([
      ['years', 12],
    ]);
    // 满 before the number, as the rules write their tiers (已满10年不满20年的).
    expect(statedValues('年休假怎么计算？工作满10年有几天？').map((v) => [v.kind, v.value])).toEqual([
      ['years', 10],
    ]);
    expect(statedValues('养老保险缴费满十五年了，能按月领吗').map((v) => [v.kind, v.value])).toEqual([
      ['years', 15],
    ]);
    // A year of the calendar, a tier asked for and a year's budget are no years worked.
    expect(statedValues('2025年交的社保')).toEqual([]);
    expect(statedValues('交几年社保才能领养老金？')).toEqual([]);
    expect(statedValues('工作三年度考核')).toEqual([]);
    const bounds = statedRanges('累计缴费满五年不足十年的，领取失业保险金的期限最长为十八个月', 'years');
    expect(bounds.map((b) => [b.min, b.max])).toEqual([[5, 10]]);
    const [six] = statedValues('我交了6年失业保险');
    expect(statesRangeHolding('累计缴费满一年不足五年的，最长为十二个月', six)).toBe(false);
    expect(withoutRangeBounds('累计缴费满五年不足十年的，最长为十八个月', [six])).toBe(
      `累计缴费${' '.repeat('满五年不足十年'.length)}的，最长为十八个月`,
    );
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
    expect(questionForTerms('暖气只有15度，能不能退钱？')).toBe('暖气只有 温度 ，，能退钱？');
  });

  it('reads the ranges rules state, 以上 and 以下 inclusive, and whether one holds the value', () => {
    const bounds = (text: string, kind: 'age' | 'temperature') =>
      statedRanges(text, kind).map((b) => [b.min, b.minIncluded, b.max, b.maxIncluded]);
    expect(bounds('供热温度高于或者等于14℃、低于16℃的，退还热费的50%', 'temperature')).toEqual([
      [14, true, 16, false],
    ]);
    expect(bounds('六十五周岁以上免费乘坐，不满六十五周岁的半价', 'age')).toEqual([
      [65, true, Infinity, true],
      [-Infinity, true, 65, false],
    ]);
    expect(bounds('十一周岁至六十周岁的男性公民', 'age')).toEqual([[11, true, 60, true]]);
    expect(bounds('驾驶电动自行车必须年满16周岁', 'age')).toEqual([[16, true, Infinity, true]]);
    const [age66] = statedValues('我爸今年66了');
    expect(statesRangeHolding('六十五周岁以上免费乘坐市内公共交通工具', age66)).toBe(true);
    expect(statesRangeHolding('不满六十五周岁按照当地有关规定半价乘坐', age66)).toBe(false);
    expect(statesRangeHolding('供热温度低于14℃的，全额退还热费', age66)).toBe(false);
  });
});
