import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSentences } from '../../src/answer/extractive-selection.js';
import type { Assistant } from '../../src/app/assistant.js';
import { textHolds } from '../../src/text/all-of-terms.js';
import { articlePassages } from '../fakes/article-passages.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('textHolds', () => {
  it('holds an all-of term by its words, a plain term as written', () => {
    expect(textHolds('犬只伤害他人的，养犬人应当立即将受害人送至医疗机构诊治', '犬只+伤害')).toBe(true);
    expect(textHolds('禁止伤害他人', '犬只+伤害')).toBe(false);
    expect(textHolds('推进互联网+政务服务', '互联网+政务服务')).toBe(true);
    expect(textHolds('犬只伤人的', '犬只伤人')).toBe(true);
    expect(textHolds('犬只伤害他人的', '犬只伤人')).toBe(false);
  });
});

describe('an all-of term in the rest of a passage', () => {
  it('is held by one sentence with all its words, not by words in two sentences', () => {
    const passages = articlePassages('wages', [
      {
        text: '第十七条 职工试用、病事假期间的工资福利待遇由工资集体协商确定。工资专项集体合同期限一般为一年，最长不超过三年。',
        score: 1,
      },
    ]);
    const groups = [['试用+期限'], ['最长']];
    const idf = new Map([
      ['试用+期限', 6],
      ['最长', 3],
    ]);
    const scored = scoreSentences('试用期最长多久？', passages, groups, idf);
    const term = scored.find((s) => s.text.includes('最长不超过三年'));
    // No context share for 试用+期限: no sentence holds 试用 and 期限 together.
    expect(term?.covers).toEqual([1]);
    expect(term?.order).toBeCloseTo(term?.score ?? Number.NaN, 9);
  });
});

/** The city's dog rule, and articles that say who is 负责 for many things, dogs not among them. */
const LAWS = [
  {
    id: 'dogs',
    title: '青岛市养犬管理条例',
    region: '青岛市',
    text: `# 青岛市养犬管理条例

第十一条 养犬不得损害他人的合法权益，不得占用公共楼道等共有区域。禁止驱使或者放任犬只恐吓、伤害他人。犬只伤害他人的，养犬人应当立即将受害人送至医疗机构诊治，并依法承担相应的民事责任。

第十四条 犬只死亡的，养犬人应当按照规定将犬只尸体送至有资质的无害化处理场处理。
`,
  },
  {
    id: 'streets',
    title: '青岛市市容和环境卫生管理条例',
    region: '青岛市',
    text: `# 青岛市市容和环境卫生管理条例

第十一条 市容和环境卫生责任区、责任人按照以下规定确定：

（一）城市道路、河道以及过街天桥、地下通道等市政设施，由区（市）相关行政主管部门确定的专业作业单位负责；

（二）街巷，由所在地街道办事处、镇人民政府负责；

（三）国家机关、团体、企业、事业等单位的管理区域，由本单位负责。

第十二条 责任人负责责任区的清扫保洁，负责劝阻和制止乱扔乱倒行为。

第十三条 环境卫生设施由区（市）环境卫生行政主管部门负责规划建设，由管理单位负责维护。
`,
  },
  {
    id: 'fire',
    title: '青岛市森林防火条例',
    region: '青岛市',
    text: `# 青岛市森林防火条例

第四条 各级人民政府应当加强对森林防火工作的领导，实行行政首长负责制。

第五条 林业、园林行政主管部门负责本行政区域内的森林防火监督管理工作。
`,
  },
];

/**
 * The real assistant (jieba, the lexicon, BM25, hnswlib): the lexicon writes 狗咬 as 犬只+伤害 among
 * others, the words the city's rule uses. The retriever searched it by its words; the answerer had
 * read the term as plain text and quoted the article that holds 负责 instead.
 */
describe('an all-of lexicon target in the answer', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('all-of-answer-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('answers "狗咬了人谁负责" from the dog rule the retriever found by the target’s words', async () => {
    const question = '狗咬了人谁负责？';
    const retrieval = await assistant.retriever.retrieve(question);
    expect(retrieval.passages[0]?.chunk.docId).toBe('dogs');
    expect(retrieval.passages[0]?.why.matchedTerms).toContain('犬只+伤害');
    const answer = await assistant.extractive.answer(question, retrieval);
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('犬只伤害他人的，养犬人应当');
    expect(answer.citations.every((c) => c.docId === 'dogs')).toBe(true);
  });
});
