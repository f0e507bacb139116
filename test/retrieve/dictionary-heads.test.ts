import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const LAWS = [
  {
    id: 'water',
    title: '青岛市饮用水水源保护条例',
    region: '山东省青岛市',
    text: `# 青岛市饮用水水源保护条例

第二十二条 在饮用水水源一级保护区内，禁止从事畜禽养殖、餐饮、旅游、垂钓或者游泳等可能污染饮用水水体的活动。

第二十三条 饮用水水源保护区的划定，由市人民政府批准后公布。
`,
  },
  {
    id: 'family',
    title: '青岛市人口与计划生育办法',
    region: '山东省青岛市',
    text: `# 青岛市人口与计划生育办法

第二十六条 独生子女父母为企业职工的，退休时由所在单位发给一次性养老补助。

第二十七条 农村计划生育家庭按照规定享受扶助补贴。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over two small regulations. */
describe('a word no document holds, searched as the word it ends with', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('dictionary-heads-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('finds the rule through the head: 钓钓鱼 → 钓鱼 → 垂钓', async () => {
    const r = await assistant.retriever.retrieve('水库边上能钓钓鱼吗？');
    expect(r.passages[0].chunk.text).toContain('垂钓');
  });

  it('does not let a wider head cover the word asked: 育儿补贴 is no 补贴', async () => {
    const r = await assistant.retriever.retrieve('农村家庭的育儿补贴怎么领取？');
    // The head widens the search …
    expect(r.passages.some((p) => p.chunk.text.includes('补贴'))).toBe(true);
    // … but 育儿补贴 stays a missing topic, so the question is not answered from 扶助补贴.
    expect(r.relevant).toBe(false);
  });
});
