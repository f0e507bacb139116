import { describe, expect, it } from 'vitest';
import { standardQuestionWords } from '../../src/text/spoken-question-words.js';

describe('spoken question words', () => {
  it('puts 啥, 咋 and their compounds in standard form', () => {
    expect(standardQuestionWords('最晚啥时候去办？')).toBe('最晚什么时候去办？');
    expect(standardQuestionWords('要带啥材料？为啥不给办？')).toBe('要带什么材料？为什么不给办？');
    expect(standardQuestionWords('被罚了咋整？咋申请？')).toBe('被罚了怎么办？怎么申请？');
    expect(standardQuestionWords('几时开始供暖？')).toBe('什么时候开始供暖？');
  });

  it('reads Shandong 多钱 as 多少钱 but leaves amounts such as 很多钱 alone', () => {
    expect(standardQuestionWords('办个证要多钱？')).toBe('办个证要多少钱？');
    expect(standardQuestionWords('花了很多钱，好多钱都白交了')).toBe('花了很多钱，好多钱都白交了');
  });

  it('leaves a question in standard words unchanged', () => {
    const q = '在青岛养犬需要办理什么手续？多少钱？';
    expect(standardQuestionWords(q)).toBe(q);
  });
});
