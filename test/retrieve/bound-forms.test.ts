import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { boundForms, withBoundForms } from '../../src/retrieve/bound-forms.js';
import { queryGroup } from '../../src/text/tokenizer.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('a bound asked with 至少 or 最低 is also searched as the limit the rules state', () => {
  it('gives 最多, 至少 and 最低 their 不得… forms, and nothing to other words', () => {
    expect(boundForms('最多')).toEqual(['不得+超过']);
    expect(boundForms('至少')).toEqual(['不得+少于']);
    expect(boundForms('最低')).toEqual(['不得+低于']);
    expect(boundForms('最高')).toEqual(['不得+超过', '不得+高于']);
    expect(boundForms('超过')).toEqual([]);
    expect(boundForms('温度')).toEqual([]);
  });

  it('adds the forms as alternatives at a synonym weight, other groups untouched', () => {
    const groups = [queryGroup(['至少'], [1]), queryGroup(['提前'], [1])];
    const out = withBoundForms(groups);
    expect([...out[0]]).toEqual(['至少', '不得+少于']);
    expect(out[0].weights?.[1]).toBeGreaterThan(0);
    expect(out[0].weights?.[1]).toBeLessThan(1);
    expect(out[1]).toBe(groups[1]);
  });
});

const LAWS = [
  {
    id: 'driving',
    title: '山东省道路交通安全条例',
    region: '山东省',
    text: `# 山东省道路交通安全条例

第三十条 机动车驾驶人连续驾车行驶四小时的，停车休息时间不得少于二十分钟。

第三十一条 机动车驾驶人应当按照规定的时间和路线行驶，遇有交通管制的，应当按照指挥通行。

第三十二条 驾驶人休息的场所由公路经营企业设置，并在休息区公示休息时间和收费标准。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over a small regulation. */
describe('a 至少 question over a rule that states 不得少于', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('bound-forms-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('ranks the article with the limit first', async () => {
    const r = await assistant.retriever.retrieve('开车累了停下来休息，至少要休息多长时间？');
    expect(r.passages[0].chunk.text).toContain('不得少于二十分钟');
    const group = r.terms?.groups.find((g) => g.includes('至少'));
    expect(group).toContain('不得+少于');
  });
});
