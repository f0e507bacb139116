import { describe, expect, it } from 'vitest';
import { isSingleVerb, verbCompounds } from '../../src/text/verb-compounds.js';

describe("a one-character verb and the dictionary's compounds of it", () => {
  it('takes a verb naming an act, not a general one nor another part of speech', () => {
    for (const verb of ['晒', '烤', '埋', '砍', '钓', '烧']) expect(isSingleVerb(verb)).toBe(true);
    // Said of everything: 去 (123,402 in jieba's counts), 住, 走.
    for (const general of ['去', '住', '走']) expect(isSingleVerb(general)).toBe(false);
    // A noun, and more than one character.
    expect(isSingleVerb('狗')).toBe(false);
    expect(isSingleVerb('晾晒')).toBe(false);
  });

  it("lists the two-character verbs holding it, the law's words among them", () => {
    expect(verbCompounds('晒')).toContain('晾晒');
    expect(verbCompounds('烤')).toContain('烧烤');
    expect(verbCompounds('埋')).toContain('掩埋');
    expect(verbCompounds('砍')).toContain('砍伐');
    expect(verbCompounds('钓')).toContain('垂钓');
    expect(verbCompounds('晒').every((w) => w.length === 2 && w.includes('晒'))).toBe(true);
  });
});
