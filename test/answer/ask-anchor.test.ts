import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const LAWS = [
  {
    id: 'inspection',
    title: '青岛市劳动保障监察条例',
    region: '山东省青岛市',
    text: `# 青岛市劳动保障监察条例

第七条 人力资源和社会保障行政部门对用人单位解除劳动合同的情况实施监察，依法查处下列行为：
（一）未出具解除劳动合同的证明的；
（二）未办理劳动者档案和社会保险转移手续的。
`,
  },
  {
    id: 'contracts',
    title: '山东省劳动合同条例',
    region: '山东省',
    text: `# 山东省劳动合同条例

第三十条 用人单位应当自出具解除劳动合同证明之日起十五日内为劳动者办理档案和社会保险转移手续。
`,
  },
];

/** The real assistant over two regulations that both name the matter; one states its time limit. */
describe('a one-part question is answered by the passage that states what it asks', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('ask-anchor-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('leads "有时间要求吗" with the time limit, from the article that states it', async () => {
    const question = '辞职以后公司一直拖着不给我办档案和社会保险转移手续，有时间要求吗？';
    const retrieval = await assistant.retriever.retrieve(question);
    const answer = await assistant.extractive.answer(question, retrieval);
    expect(answer.refused).toBe(false);
    expect(answer.answer.startsWith('十五日')).toBe(true);
    expect(answer.citations[0].docId).toBe('contracts');
  });
});
