import { describe, expect, it } from 'vitest';
import { asksPenalty, asksPermission, statesSanction } from '../../src/answer/ask-kinds.js';

describe('ask kinds', () => {
  it('tells a penalty question from a permission question', () => {
    expect(asksPenalty('过年在青岛市北区自家阳台上放挂鞭，会挨罚吗？')).toBe(true);
    expect(asksPenalty('青岛出租车司机拒载，会受到什么处罚？')).toBe(true);
    expect(asksPenalty('在青岛的驾校学车，学员可以自己挑教练吗？')).toBe(false);
    expect(asksPermission('在青岛的驾校学车，学员可以自己挑教练吗？')).toBe(true);
    expect(asksPermission('在青岛市区骑电动车能不能带人？')).toBe(true);
    expect(asksPermission('燃气公司多长时间来查一次？')).toBe(false);
  });

  it('finds the sanction, not the rule it sanctions', () => {
    expect(statesSanction('由公安机关责令停止燃放，处三百元以上五百元以下罚款。')).toBe(true);
    expect(statesSanction('本市行政区域内，下列场所禁止燃放烟花爆竹：')).toBe(false);
  });
});
