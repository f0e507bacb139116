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
});
