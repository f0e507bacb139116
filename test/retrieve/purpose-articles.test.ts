import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { PURPOSE_ARTICLE_FACTOR, purposeArticlePrior } from '../../src/retrieve/purpose-articles.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const PURPOSE =
  '第一条 为了规范省和设区的市人民政府规章设定罚款的行为，保障规章设定的罚款合法适当，根据《中华人民共和国行政处罚法》，制定本规定。';
const LIMIT =
  '第三条 尚未制定法律、法规的，地方政府规章对违反行政管理秩序的行为设定罚款的限额为十万元。但是，对涉及公共安全、生态环境保护、有限自然资源开发利用方面的违法行为，限额为二十万元。';

describe('a purpose article', () => {
  it('is weighed down unless the question asks why the rule was made', () => {
    const prior = purposeArticlePrior('地方政府规章设定罚款最多能设多少？');
    expect(PURPOSE_ARTICLE_FACTOR).toBeLessThan(1);
    expect(prior(PURPOSE)).toBe(PURPOSE_ARTICLE_FACTOR);
    expect(prior(LIMIT)).toBe(1);
    // Only a first article that says why: a later 为了 or a first article on scope is no purpose article.
    expect(prior('第一条 本规定适用于本省行政区域内的地方政府规章。')).toBe(1);
    expect(prior('第五条 为了保护耕地，禁止…。')).toBe(1);
    expect(purposeArticlePrior('制定这个规定的目的是什么？')(PURPOSE)).toBe(1);
  });
});

const LAWS = [
  {
    id: 'fines',
    title: '山东省地方政府规章设定罚款限额规定',
    region: '山东省',
    text: `# 山东省地方政府规章设定罚款限额规定

${PURPOSE}

${LIMIT}
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over one small rule. */
describe('a question on a rule whose first article names its words', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('purpose-articles-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('ranks the article that states the limit first, not the purpose article', async () => {
    const r = await assistant.retriever.retrieve('市政府定的规章设定罚款，最多能设多少？');
    expect(r.passages[0].chunk.text).toContain('十万元');
  });
});
