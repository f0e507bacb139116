import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';

/** A guide record in the shared corpus's rendering; siblings differ only in their title and a word or two. */
function guide(title: string, authority: string, region: string, days: number, material: string): string {
  return `# ${title}

**事项类型**：公共服务

**实施主体**：${authority}

**行政区划**：${region}

**事项层级**：市级

**服务对象**：自然人

**受理条件**：申请人应当持本人有效居民身份证到出入境管理部门提出申请，并按规定如实填写申请表。

**办理地点**：办理地点：越秀区东华东路367号（综合窗）

**法定办结时限**：30(工作日)

**承诺办结时限**：${days}(工作日)

**到现场次数**：1

**是否支持物流快递**：是

**是否支持网上预约**：是

**咨询电话**：020-12345

## 申请材料

1. 居民身份证
2. ${material}
`;
}

const DOCS = [
  {
    id: 'gz-hk',
    title: '往来港澳签注(探亲)',
    authority: '广州市公安局',
    region: '广东省广州市',
    days: 5,
    material: '港澳亲属关系证明',
  },
  {
    id: 'gz-tw',
    title: '往来台湾签注(探亲)',
    authority: '广州市公安局',
    region: '广东省广州市',
    days: 7,
    material: '台湾亲属关系证明',
  },
  {
    id: 'gz-guard',
    title: '保安员证核发(遗失补发保安员证)',
    authority: '广州市公安局',
    region: '广东省广州市',
    days: 1,
    material: '保安员证补办申请书',
  },
];

/** The field route, the fold rule and covered places over real files, jieba and hnswlib. */
describe('guide questions over a small guide corpus', () => {
  let root: string;
  let assistant: Assistant;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'guides-'));
    const corpus = join(root, 'corpus');
    await mkdir(join(corpus, 'docs'), { recursive: true });
    for (const d of DOCS) {
      await writeFile(
        join(corpus, 'docs', `${d.id}.md`),
        guide(d.title, d.authority, d.region, d.days, d.material),
      );
    }
    const manifest = DOCS.map((d) =>
      JSON.stringify({
        id: d.id,
        title: d.title,
        authority: d.authority,
        region: d.region,
        group: 'gd_service_guides',
      }),
    );
    await writeFile(join(corpus, 'manifest.jsonl'), `${manifest.join('\n')}\n`);
    assistant = await buildAssistant(
      loadConfig({
        INDEX_DIR: join(root, 'index'),
        CORPUS_DIRS: join(corpus, 'docs'),
        UPLOAD_DIR: join(root, 'up'),
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await assistant?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers a time question from the asked guide’s 办结时限 lines, its sibling kept apart', async () => {
    const r = await assistant.retriever.retrieve('在广州办往来台湾签注要等几天？', { k: 20 });
    expect(r.relevant).toBe(true);
    expect(r.passages[0].chunk.docId).toBe('gz-tw');
    expect(r.passages[0].chunk.headingPath).toEqual(['《往来台湾签注(探亲)》', '广州市公安局', '办结时限']);
    expect(r.passages[0].chunk.text).toContain('**承诺办结时限**：7(工作日)');
    // The 港澳 guide repeats most lines (受理条件, 办理地点, 办理方式) but is another matter: none of
    // its chunks is folded as a copy of the 台湾 guide's, and the other way round.
    expect(r.passages.flatMap((p) => p.copies ?? [])).toEqual([]);
    expect(r.passages.filter((p) => p.chunk.docId === 'gz-hk').length).toBeGreaterThan(3);
  });

  it('puts the materials list first for a materials question', async () => {
    const r = await assistant.retriever.retrieve('在广州办往来港澳签注要带什么材料？');
    expect(r.passages[0].chunk.docId).toBe('gz-hk');
    expect(r.passages[0].chunk.headingPath.at(-1)).toBe('申请材料');
  });

  it('refuses a place with no such guide and says which places have it', async () => {
    const question = '在深圳把保安员证弄丢了，补办要多久？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.relevant).toBe(false);
    expect(r.coveredPlaces).toEqual(['广州市']);
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(true);
    expect(answer.answer).toContain('文件中只有广州市的该事项办事指南');

    const here = await assistant.retriever.retrieve('在广州把保安员证弄丢了，补办要多久？');
    expect(here.coveredPlaces).toBeUndefined();
  });
});
