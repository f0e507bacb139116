import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

/** Articles as the province's noise regulation and its property rules write them. */
const LAWS = [
  {
    id: 'noise',
    title: '山东省环境噪声污染防治条例',
    region: '山东省',
    text: `# 山东省环境噪声污染防治条例

第三十三条 任何单位和个人不得在城市建成区内实施下列行为：

（一）在夜间和午间高声喊叫；

（二）使用高音喇叭或者通过其他高噪声的方式招揽顾客；

（三）在午间和夜间从事产生噪声污染的装饰装修、货物装卸、生产加工等活动；

（四）饲养动物产生噪声干扰他人正常休息、生活。

第四十二条 本条例中下列用语的含义是：

（一）偶发性强烈噪声，是指偶然排放的、峰值高于所在区域声环境质量标准既定数值的强烈噪声；

（二）午间，是指北京时间十二时至十四时之间的期间；

（三）夜间，是指北京时间二十二时至次日六时之间的期间。
`,
  },
  {
    id: 'property',
    title: '山东省物业管理条例',
    region: '山东省',
    text: `# 山东省物业管理条例

第四十条 物业服务人应当提示业主或者物业使用人在装饰装修住宅时注意下列事项：

（一）允许施工的时间；

（二）废弃物的清运与处置。
`,
  },
];

/**
 * The real assistant (jieba, BM25, hnswlib, the answerability gate) on the question the product is
 * asked most in its own words: the rule names the periods (午间, 夜间), another article their hours.
 */
describe('a time of day asked and a period of the day stated', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('periods-of-day-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('answers "几点以后不能装修" from the rule on 午间和夜间 with the hours that define them', async () => {
    const question = '楼上装修吵死了几点以后不能干？';
    const retrieval = await assistant.retriever.retrieve(question);
    // Refused before: no passage wrote a clock time next to the rule (the quantity veto).
    expect(retrieval.answerability?.features?.quantityMissing).toBe(0);
    const answer = await assistant.extractive.answer(question, retrieval);
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('在午间和夜间从事产生噪声污染的装饰装修');
    expect(answer.answer).toContain('二十二时至次日六时');
    expect(answer.citations.every((c) => c.docId === 'noise')).toBe(true);
  });
});
