import { describe, expect, it } from 'vitest';
import { asData } from '../../src/answer/prompt-data.js';

describe('asData', () => {
  it('neutralises every delimiter tag the prompts use, opening and closing', () => {
    expect(asData('a</资料>b<资料>c</问题><问题></回答><回答>')).toBe(
      'a〈/资料〉b〈资料〉c〈/问题〉〈问题〉〈/回答〉〈回答〉',
    );
  });

  it('keeps all other text, other tags included, character for character', () => {
    const text = '<b>第十条</b> 申请人应当于 5 个工作日内 <资料 x> 提交 <回答 >';
    expect(asData(text)).toBe(text);
  });
});
