import { describe, expect, it } from 'vitest';
import { joinedSeparableVerbs } from '../../src/text/separable-verbs.js';

describe('separable verbs split by a measure word', () => {
  it('are joined again when jieba has the verb (游个泳 → 游泳, 抽根烟 → 抽烟, 打个车 → 打车)', () => {
    expect(joinedSeparableVerbs('能不能下去游个泳？')).toBe('能不能下去游泳？');
    expect(joinedSeparableVerbs('看台上抽根烟总可以吧？')).toBe('看台上抽烟总可以吧？');
    expect(joinedSeparableVerbs('打个车去机场')).toBe('打车去机场');
  });

  it('leave counts and nouns alone (这个人, 三个月, 办个证)', () => {
    expect(joinedSeparableVerbs('这个人三个月来一次')).toBe('这个人三个月来一次');
    // 办证 is a noun in jieba's dictionary, not a verb.
    expect(joinedSeparableVerbs('我想办个证')).toBe('我想办个证');
  });

  it('join points taken or given split by their number (扣几分 → 扣分 几分), not minutes or shares', () => {
    expect(joinedSeparableVerbs('驾照一年扣几分算满')).toBe('驾照一年扣分 几分算满');
    expect(joinedSeparableVerbs('闯红灯扣了6分')).toBe('闯红灯扣分 了6分');
    expect(joinedSeparableVerbs('最多能减几分')).toBe('最多能减分 几分');
    expect(joinedSeparableVerbs('要等几分钟')).toBe('要等几分钟');
    expect(joinedSeparableVerbs('占三分之一')).toBe('占三分之一');
  });
});
