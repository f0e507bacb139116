import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { SINGLE_NOUN_WEIGHT, singleNounGroups } from '../../src/retrieve/single-nouns.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const group = (...terms: string[]) => terms;

describe('one-character nouns as low-weight search terms', () => {
  it('keeps rare nouns, at their own weight, and leaves verbs, common nouns and mapped words', () => {
    const out = singleNounGroups([
      group('猫'),
      group('带'), // a verb
      group('水'), // a noun too common to name a topic
      group('狗', '犬', '犬只'), // the lexicon maps it: already searched
      group('地铁'),
      group('猫'), // once only
      group('坟'),
    ]);
    expect(out.map((g) => [...g])).toEqual([['猫'], ['坟']]);
    expect(out.map((g) => g.weights)).toEqual([[SINGLE_NOUN_WEIGHT], [SINGLE_NOUN_WEIGHT]]);
  });
});

const LAWS = [
  {
    id: 'metro',
    title: '青岛市轨道交通条例',
    region: '山东省青岛市',
    text: `# 青岛市轨道交通条例

第二十四条 乘客携带物品乘坐轨道交通，应当遵守乘车规定，不得妨碍他人乘车。

第二十五条 禁止携带下列物品乘坐轨道交通：易燃易爆物品；活禽以及犬、猫等动物。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over one small regulation. */
describe('a question naming 猫', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('single-nouns-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('ranks first by keywords the article that names the animal, and does not make the noun a covered term', async () => {
    // The keyword search alone: the hashing vectors read the character 猫 anyway.
    const r = await assistant.retriever.retrieve('能带猫坐地铁吗？', { mode: 'bm25' });
    expect(r.passages[0].chunk.text).toContain('犬、猫');
    expect(r.terms?.groups.flat() ?? []).not.toContain('猫');
  });
});
