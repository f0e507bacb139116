import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import {
  affirmativeQuestion,
  questionForTerms,
  withoutSome,
  withoutVerbClassifiers,
} from '../../src/retrieve/question-forms.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('A-not-A questions read as their affirmative', () => {
  it('replaces the repeated verb or adjective around 不/没 by the verb', () => {
    expect(affirmativeQuestion('能不能自己把它锯掉？')).toBe('，能自己把它锯掉？');
    expect(affirmativeQuestion('后座带个小孩行不行？')).toBe('后座带个小孩，行？');
    expect(affirmativeQuestion('可不可以带狗进公园')).toBe('，可以带狗进公园');
    expect(affirmativeQuestion('有没有补贴？是不是要交钱？')).toBe('，有补贴？，是要交钱？');
  });

  it('sets the affirmative apart, so it does not glue to the verb before it', () => {
    // "放行不行" read as 放行行 → 放行 (customs clearance) found the exit-and-entry law.
    expect(affirmativeQuestion('在自家阳台上放行不行？')).toBe('在自家阳台上放，行？');
    expect(affirmativeQuestion('在自家阳台上放行不行？')).not.toContain('放行');
  });

  it('leaves negations and unrepeated characters as written', () => {
    expect(affirmativeQuestion('市区道路上不得载人，不能带小孩')).toBe('市区道路上不得载人，不能带小孩');
    expect(affirmativeQuestion('不要预约吗')).toBe('不要预约吗');
  });
});

describe('a classifier that is also a verb', () => {
  it('is left out after a demonstrative or a numeral, so it is not searched as the verb', () => {
    // 那堵承重墙: 堵 measures the wall; read as the verb it searched 堵塞, 拥堵.
    expect(withoutVerbClassifiers('想把那堵承重墙砸了')).toBe('想把那，承重墙砸了');
    expect(withoutVerbClassifiers('门口一堆垃圾')).toBe('门口一，垃圾');
    // Noun classifiers and a verb with no demonstrative before it stand.
    expect(withoutVerbClassifiers('三辆车一条路')).toBe('三辆车一条路');
    expect(withoutVerbClassifiers('下水道堵了')).toBe('下水道堵了');
  });
});

describe('the 点 or 些 between an act and its object', () => {
  it('is set apart after a verb naming an act, so the act and the object are searched', () => {
    expect(withoutSome('给老人烧点纸钱，会被罚吗？')).toBe('给老人烧，纸钱，会被罚吗？');
    expect(withoutSome('在河边挖些沙子')).toBe('在河边挖，沙子');
    // 几点, 一点, 有点 and a general verb (买点) stand as written.
    expect(withoutSome('地铁几点开门？')).toBe('地铁几点开门？');
    expect(withoutSome('有点贵，买点药')).toBe('有点贵，买点药');
    expect(questionForTerms('在山上烤点肉吃行不行')).toContain('烤，肉');
  });
});

describe('how-much words are the ask, not the topic', () => {
  it('blanks 多大, 多高, 多远 before a word, and 多重 before 的 or a mark', () => {
    expect(questionForTerms('最少能补多大面积？')).toBe('最少能补，面积？');
    expect(questionForTerms('多重的行李不让带？')).toBe('，的行李不让带？');
    expect(questionForTerms('能不能放在离地面多高的地方？')).toBe('，能放在离地面，的地方？');
  });

  it('blanks the person whose age is asked, who is not what the answer names', () => {
    expect(questionForTerms('孩子多大才能骑电动自行车上路？')).toBe('，，才能骑电动自行车上路？');
    // The same before 几岁: 孩子 would otherwise search 儿童 and find the rule on carrying children.
    expect(questionForTerms('孩子几岁可以骑电动车？')).not.toContain('孩子');
    expect(questionForTerms('老人多少岁能免费坐公交？')).not.toContain('老人');
    // A thing's size stays asked about.
    expect(questionForTerms('孩子的房间要多大面积？')).toBe('孩子的房间要，面积？');
  });

  it('keeps 多重 as an adjective, and 多长时间 for the lexicon', () => {
    expect(questionForTerms('多重国籍怎么认定')).toBe('多重国籍怎么认定');
    expect(questionForTerms('审批要多长时间')).toBe('审批要多长时间');
  });
});

const LAWS = [
  {
    id: 'ebike',
    title: '青岛市电动自行车管理条例',
    region: '山东省青岛市',
    text: `# 青岛市电动自行车管理条例

第十二条 驾驶电动自行车在城市市区道路上不得载人，但可以在固定安全座椅内搭载一名十二周岁以下的儿童。
`,
  },
  {
    id: 'trees',
    title: '青岛市城市绿化条例',
    region: '山东省青岛市',
    text: `# 青岛市城市绿化条例

第三十条 任何单位和个人不得擅自迁移、砍伐树木。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over two small regulations. */
describe('the retriever reads the question’s terms from its affirmative', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('question-forms-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('keeps 行不行 and 不能自己 out of the terms a passage must hold', async () => {
    const r = await assistant.retriever.retrieve('电动自行车后座带个小孩行不行？');
    const terms = r.terms?.groups.flat() ?? [];
    expect(terms).toContain('小孩');
    expect(terms.some((t) => t.includes('不'))).toBe(false);
    const trees = await assistant.retriever.retrieve('在青岛能不能自己把树木砍伐了？');
    expect(trees.terms?.groups.flat().some((t) => t.includes('不'))).toBe(false);
    expect(trees.answerability?.features?.coverage).toBe(1);
  });

  it('looks for 面积, not jieba’s 大面积, in "多大面积"', async () => {
    const r = await assistant.retriever.retrieve('电动自行车的车座最少要多大面积？');
    const terms = r.terms?.groups.flat() ?? [];
    expect(terms).toContain('面积');
    expect(terms).not.toContain('大面积');
  });
});
