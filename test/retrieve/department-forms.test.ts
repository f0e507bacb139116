import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

/*
 * A department a citizen names by its short name (人社局, 人社部门) is written in the rules with 和
 * or 行政 inside (人力资源和社会保障行政部门): the lexicon's all-of target 人力资源+社会保障 finds
 * every form, where the plain 人力资源社会保障部门 finds only the one written so.
 */
const LAWS = [
  {
    id: 'labour-inspection',
    title: '青岛市劳动保障监察条例',
    region: '青岛市',
    text: `# 青岛市劳动保障监察条例

第二十六条 人力资源和社会保障行政部门应当自接到投诉之日起五个工作日内作出是否受理的决定；不予受理的，应当书面告知并说明理由。

第三十一条 劳动保障监察案件应当自立案之日起六十个工作日内完成调查。
`,
  },
  {
    id: 'tourism',
    title: '山东省旅游条例',
    region: '山东省',
    text: `# 山东省旅游条例

第五十七条 旅游主管部门应当自接到投诉之日起五个工作日内作出是否受理的决定。
`,
  },
];

describe('a department named by its short name finds the rules that write its full name', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('department-forms-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('人社部门 finds 人力资源和社会保障行政部门’s time limit, not the tourism office’s word for word the same', async () => {
    const r = await assistant.retriever.retrieve('向人社部门投诉以后，几天之内决定受不受理？');
    expect(r.passages[0].meta.id).toBe('labour-inspection');
    expect(r.passages[0].chunk.text).toContain('五个工作日内');
  });
});
