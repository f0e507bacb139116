import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { periodForm, withPeriodForms } from '../../src/retrieve/period-forms.js';
import { queryGroup } from '../../src/text/tokenizer.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('a period named with 期 is also searched as the rules write it, with 期限', () => {
  it('gives 执行期, 承包期 and 过渡期 their …+期限 form, and no word of two characters', () => {
    expect(periodForm('执行期')).toBe('执行+期限');
    expect(periodForm('承包期')).toBe('承包+期限');
    expect(periodForm('日期')).toBeUndefined();
    expect(periodForm('期限')).toBeUndefined();
    expect(periodForm('执行')).toBeUndefined();
  });

  it('adds the form as an alternative at a synonym weight, other groups untouched', () => {
    const groups = [queryGroup(['过渡期'], [1]), queryGroup(['补偿', '补助'], [1, 0.8])];
    const out = withPeriodForms(groups);
    expect([...out[0]]).toEqual(['过渡期', '过渡+期限']);
    expect(out[0].weights?.[0]).toBe(1);
    expect(out[0].weights?.[1]).toBeGreaterThan(0);
    expect(out[0].weights?.[1]).toBeLessThan(1);
    expect(out[1]).toBe(groups[1]);
  });
});

const LAWS = [
  {
    id: 'budget',
    title: '青岛市预算绩效管理条例',
    region: '山东省青岛市',
    text: `# 青岛市预算绩效管理条例

第二十六条 对设定的执行期限超过三年的专项资金，财政部门在进行项目支出绩效评价时，应当一并组织对专项资金进行中期绩效评估。

第二十七条 财政部门应当将绩效评价结果作为安排预算的重要依据。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over a small regulation. */
describe('a 期 question over a rule that writes 期限', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('period-forms-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('finds and answers from the 执行期限 article', async () => {
    const r = await assistant.retriever.retrieve('专项资金执行期超过几年要做中期绩效评估？');
    expect(r.passages[0].chunk.text).toContain('执行期限超过三年');
    expect(r.relevant).toBe(true);
    // The asked word counts as covered: 执行期 no longer weighs as a missing topic.
    expect(r.answerability?.features?.heaviestMissing ?? 1).toBeLessThan(0.3);
  });
});
