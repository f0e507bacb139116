import { describe, expect, it } from 'vitest';
import { dictionaryHead, ungluedGroups, withDictionaryHeads } from '../../src/retrieve/glued-words.js';
import { type QueryGroup, queryGroup } from '../../src/text/tokenizer.js';

/** An index that holds 地铁, 学费, 政局 (财政局), 钓鱼 and 供热, and a lexicon that maps 地铁, 房子 and 供暖. */
const INDEXED = new Map([
  ['地铁', 6],
  ['学费', 7],
  ['政局', 8],
  ['钓鱼', 7],
  ['供热', 5],
]);
const ABSENT = 10.5;
const idf = async (terms: string[]) => new Map(terms.map((t) => [t, INDEXED.get(t) ?? ABSENT]));
const LEXICON: Record<string, [string[], number[]]> = {
  地铁: [
    ['地铁', '轨道交通'],
    [1, 0.8],
  ],
  房子: [
    ['房子', '房屋'],
    [1, 0.8],
  ],
  供暖: [
    ['供暖', '供热'],
    [1, 1],
  ],
};
const tokenizer = {
  tokenizeQuery: (text: string): QueryGroup[] => {
    const [terms, weights] = LEXICON[text] ?? [[text], [1]];
    return [queryGroup(terms, weights)];
  },
};
const plain = (...terms: string[]) => terms.map((t) => queryGroup([t], [1]));

describe('glued words', () => {
  it('searches a light verb or size word glued to its noun as the noun too, with its official words', async () => {
    const out = await ungluedGroups(plain('青岛', '坐地铁', '老房子', '交学费'), tokenizer, idf);
    expect(out.map((g) => [...g])).toEqual([
      ['青岛'],
      ['坐地铁', '地铁', '轨道交通'],
      ['老房子', '房子', '房屋'],
      ['交学费', '学费'],
    ]);
    // The noun ranks below the phrase as asked: it is wider than what was asked.
    expect(out[1].weights).toEqual([1, 0.5, 0.4]);
  });

  it('searches a doubled verb or a modifier with its head as the word it ends with', async () => {
    const out = await withDictionaryHeads(plain('钓钓鱼', '集中供暖', '民政局'), tokenizer, idf);
    expect(out.map((g) => [...g])).toEqual([['钓钓鱼', '钓鱼'], ['集中供暖', '供暖', '供热'], ['民政局']]);
    expect(out[1].weights).toEqual([1, 0.5, 0.5]);
    // The glued words are ungluedGroups' business, and dictionary heads are not: each step adds its own.
    expect((await ungluedGroups(plain('钓钓鱼'), tokenizer, idf)).map((g) => [...g])).toEqual([['钓钓鱼']]);
    expect((await withDictionaryHeads(plain('坐地铁'), tokenizer, idf)).map((g) => [...g])).toEqual([
      ['坐地铁'],
    ]);
  });

  it("finds the head in jieba's dictionary, never across a word of the token", () => {
    expect(dictionaryHead('集中供暖')).toBe('供暖');
    expect(dictionaryHead('读高中')).toBe('高中');
    // 钓钓 is a doubled verb, not a word the head would split.
    expect(dictionaryHead('钓钓鱼')).toBe('钓鱼');
    // 民政 straddles 政局: the bureau of civil affairs is no 政局.
    expect(dictionaryHead('民政局')).toBeUndefined();
    expect(dictionaryHead('共有产权房')).toBeUndefined();
  });

  it('leaves a token the index holds, one without such a first character, and a noun nobody knows', async () => {
    const held = new Map([...INDEXED, ['坐地铁', 5]]);
    const out = await ungluedGroups(
      plain('坐地铁'),
      tokenizer,
      async (terms) => new Map(terms.map((t) => [t, held.get(t) ?? ABSENT])),
    );
    expect(out.map((g) => [...g])).toEqual([['坐地铁']]);
    // 民政局: 民 is no light verb, though 政局 is indexed (in 财政局).
    expect((await ungluedGroups(plain('民政局', '打球场'), tokenizer, idf)).map((g) => [...g])).toEqual([
      ['民政局'],
      ['打球场'],
    ]);
  });
});
