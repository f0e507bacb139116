import { describe, expect, it } from 'vitest';
import { COMPOUND_WEIGHT, withVerbCompounds } from '../../src/retrieve/single-verbs.js';
import { alternativeWeight, queryGroup } from '../../src/text/tokenizer.js';
import { indexHolding } from '../fakes/index-idf.js';

describe('one-character verbs searched as the compounds the index holds', () => {
  it('gives 晒 the compounds of it the documents use, weighted below the word as asked', async () => {
    const groups = [['被子'], ['晒']];
    const out = await withVerbCompounds(groups, indexHolding('晾晒', '被子'));
    expect(out[0]).toEqual(['被子']);
    expect(out[1]).toEqual(['晒', '晾晒']);
    expect(alternativeWeight(out[1], 0, 0.5)).toBe(1);
    expect(alternativeWeight(out[1], 1, 0.5)).toBe(COMPOUND_WEIGHT);
  });

  it('skips a compound the index holds only inside an idiom, and keeps one it holds on its own', async () => {
    // 玩忽 stands only in 玩忽职守 (as many passages); 砍伐 in more passages than 砍伐森林.
    const idf = async (asked: string[]) =>
      new Map(
        asked.map((t): [string, number] => [t, { 玩忽: 4, 玩忽职守: 4, 砍伐: 3, 砍伐森林: 6 }[t] ?? 10]),
      );
    const out = await withVerbCompounds([['玩'], ['砍']], idf);
    expect(out[0]).toEqual(['玩']);
    expect(out[1]).toEqual(['砍', '砍伐']);
  });

  it('leaves a verb alone when the index holds none of its compounds', async () => {
    const out = await withVerbCompounds([['晒']], indexHolding('被子'));
    expect(out).toEqual([['晒']]);
  });

  it('leaves general verbs, nouns and groups the lexicon already maps as they are', async () => {
    const mapped = queryGroup(['烤', '烧烤'], [1, 0.8]);
    const groups = [['去'], ['狗'], mapped];
    const out = await withVerbCompounds(groups, indexHolding('失去', '烧烤', '烤烟'));
    expect(out[0]).toEqual(['去']);
    expect(out[1]).toEqual(['狗']);
    expect(out[2]).toBe(mapped);
  });
});
