import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { verbBefore, withoutComplements } from '../../src/retrieve/verb-complements.js';
import { queryGroup } from '../../src/text/tokenizer.js';
import { indexHolding } from '../fakes/index-idf.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const plain = (...terms: string[]) => terms.map((t) => queryGroup([t], [1]));

describe('a verb said with its complement, read as the verb', () => {
  it('finds the verb before a direction, a result, or 了 with a classifier', () => {
    const none = () => false;
    expect(verbBefore('挖出来', none)).toBe('挖');
    expect(verbBefore('租下来', none)).toBe('租');
    expect(verbBefore('投进去', none)).toBe('投');
    expect(verbBefore('收走', none)).toBe('收');
    expect(verbBefore('拿到', none)).toBe('拿');
    expect(verbBefore('开了个', none)).toBe('开');
    // 成 says what a thing is turned into, not the act: 划成 stays as asked.
    expect(verbBefore('划成', none)).toBeUndefined();
  });

  it('takes a longer verb only when the index holds it, and never a noun or a complement alone', () => {
    expect(verbBefore('公开出来', () => false)).toBeUndefined();
    expect(verbBefore('公开出来', (w) => w === '公开')).toBe('公开');
    expect(verbBefore('出来', () => true)).toBeUndefined();
    expect(verbBefore('马路边', () => true)).toBeUndefined();
    // 标 is no verb in jieba's dictionary (a noun), so 标出来 is left as asked.
    expect(verbBefore('标出来', () => false)).toBeUndefined();
  });

  it('replaces only tokens no passage holds, and searches a verb the question already says once', async () => {
    const out = await withoutComplements(
      plain('挖', '地基', '挖出来', '拿到', '卖出去'),
      indexHolding('地基', '卖出去'),
    );
    expect(out.map((g) => [...g])).toEqual([['挖'], ['地基'], ['拿'], ['卖出去']]);
  });
});

const LAWS = [
  {
    id: 'dike',
    title: '青岛市河道管理条例',
    region: '山东省青岛市',
    text: `# 青岛市河道管理条例

第二十三条 在堤防和护堤地种植树木的，应当经河道主管机关批准。

第二十四条 在堤防和护堤地，禁止挖掘、取土、葬坟。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over one small regulation. */
describe('a question saying 挖出来', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('verb-complements-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('searches the act the rules name (挖掘), not the phrase no rule writes', async () => {
    const r = await assistant.retriever.retrieve('护堤地里的土能不能挖出来拿回家用？');
    const terms = r.terms?.groups.flat() ?? [];
    expect(terms).not.toContain('挖出来');
    expect(terms).toContain('挖掘');
    expect(r.passages[0].chunk.text).toContain('禁止挖掘');
  });
});
