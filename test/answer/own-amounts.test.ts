import { describe, expect, it } from 'vitest';
import { amountKey } from '../../src/answer/own-amounts.js';

describe('amount keys', () => {
  it('gives equal amounts one key whatever their numerals and measure words', () => {
    expect(amountKey('七天')).toBe(amountKey('七日'));
    expect(amountKey('15度')).toBeUndefined();
    expect(amountKey('十五日')).toBe('15天');
    expect(amountKey('3个月')).toBe(amountKey('三月'));
    expect(amountKey('二十六摄氏度')).toBe(amountKey('26℃'));
  });

  it('gives ranges, bounds and other phrases no key', () => {
    expect(amountKey('三至五棵')).toBeUndefined();
    expect(amountKey('二百元以上五百元以下')).toBeUndefined();
    expect(amountKey('2月24日')).toBeUndefined();
    expect(amountKey('第七条')).toBeUndefined();
  });
});
