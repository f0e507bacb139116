import { describe, expect, it } from 'vitest';
import { asksForSum, statesSum } from '../../src/retrieve/money-asks.js';

describe('a sum of money asked', () => {
  it('is a fee, a price or an allowance, not a fine', () => {
    expect(asksForSum('青岛居民集中供暖费现在每平方米多少钱？')).toBe(true);
    expect(asksForSum('每个月能领多少钱高龄津贴？')).toBe(true);
    expect(asksForSum('起步价几块钱？')).toBe(true);
    expect(asksForSum('乱扔垃圾罚多少钱？')).toBe(false);
    expect(asksForSum('要提前几天申请？')).toBe(false);
  });

  it('is stated by a sum or a share of one outside a fine clause', () => {
    expect(statesSum('每人每月发放高龄津贴100元。')).toBe(true);
    expect(statesSum('工本费每证十元。')).toBe(true);
    expect(statesSum('低于16℃的，退还热费的50%。')).toBe(true);
    expect(statesSum('按照百分之二十的比例退还。')).toBe(true);
    expect(statesSum('违反规定的，处每平方米五百元以上二千元以下罚款。')).toBe(false);
    expect(statesSum('逐步建立八十周岁以上老年人高龄津贴制度。')).toBe(false);
    // A fine in one clause does not hide a fee in another.
    expect(statesSum('收费标准为每平方米二十元；逾期不交的，处一百元罚款。')).toBe(true);
  });
});
