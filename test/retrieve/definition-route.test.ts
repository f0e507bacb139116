import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import type { Chunk } from '../../src/domain.js';
import { definingChunk, definitionAsks } from '../../src/retrieve/definition-route.js';
import { normaliseForIndex } from '../../src/text/normalise.js';
import { lawAssistant } from '../fakes/law-assistant.js';

const asks = (question: string, terms: string[]) => definitionAsks(normaliseForIndex(question), terms);

describe('questions that ask where a term’s line is drawn', () => {
  it('reads the term after 才算, 什么是, 算不算 and before 是指, 什么意思', () => {
    expect(asks('在青岛，多少年的老树才算古树？', ['老树', '古树'])).toEqual(['古树']);
    expect(asks('什么是最低生活保障？', ['最低生活保障'])).toEqual(['最低生活保障']);
    expect(asks('“夜间”具体是指几点到几点？', ['夜间', '几点'])).toEqual(['夜间']);
    expect(asks('无证明城市是什么意思', ['无证明城市'])).toEqual(['无证明城市']);
  });

  it('takes a quoted term when the ask stands apart from it', () => {
    expect(asks('法律上说的“老年人”，是从多少岁开始算？', ['法律', '老年人', '开始'])).toEqual(['老年人']);
  });

  it('reads no definition where the question asks none, or asks a sum (怎么算)', () => {
    expect(asks('青岛的“一件事”改革怎么申请？', ['一件事', '申请'])).toEqual([]);
    expect(asks('加班费怎么算？', ['加班费'])).toEqual([]);
    expect(asks('多少年的老树才算古树？', ['老树'])).toEqual([]);
  });
});

const chunk = (id: string, text: string): Chunk => ({
  id,
  docId: 'd',
  start: 0,
  end: text.length,
  text,
  headingPath: ['《青岛市老年人权益保障条例》', id],
});

describe('the chunk that defines a term', () => {
  it('finds "[本条例所称]X，是指" after the article label, and only for that term', () => {
    const uses = chunk('第四条', '第四条 老年人享有的权益受法律保护，老年人有获得物质帮助的权利。');
    const defines = chunk('第三条', '第三条 本条例所称老年人是指六十周岁以上的公民。');
    expect(definingChunk('老年人', [uses, defines])?.id).toBe('第三条');
    expect(definingChunk('老年', [uses, defines])).toBeUndefined();
    expect(definingChunk('老年人', [uses])).toBeUndefined();
  });
});

const LAWS = [
  {
    id: 'elders',
    title: '青岛市老年人权益保障条例',
    region: '山东省青岛市',
    text: `# 青岛市老年人权益保障条例

第三条 本条例所称老年人是指六十周岁以上的公民。

第四条 老年人享有的权益受法律保护。老年人有从国家和社会获得物质帮助的权利，老年人有享受社会服务和社会优待的权利。

第十条 子女应当关心老年人的精神需求，不得忽视、冷落老年人。与老年人分开居住的子女，应当经常看望或者问候老年人。

第二十条 老年人乘坐城市公共交通工具，享受优待。老年人进入公园、旅游景点，享受优待。
`,
  },
  {
    id: 'noise',
    title: '青岛市环境噪声管理规定',
    region: '山东省青岛市',
    text: `# 青岛市环境噪声管理规定

第二十一条 在居民区夜间进行产生环境噪声污染的建筑施工作业的，应当经批准。

第三十七条 本规定所称昼夜时间为：昼间从六时至二十二时，夜间从二十二时至次日六时。
`,
  },
  {
    id: 'noise-act',
    title: '中华人民共和国噪声污染防治法',
    region: '全国',
    text: `# 中华人民共和国噪声污染防治法

第八十八条 本法中下列用语的含义：夜间，是指晚上十点至次日早晨六点之间的期间。
`,
  },
];

/** The real retriever (jieba, BM25, hnswlib) over three small regulations. */
describe('the retriever puts the definition asked for first', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('definition-route-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('answers "what counts as X" from the sentence defining X, not the articles using X most', async () => {
    const question = '法律上说的“老年人”，是从多少岁开始算？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.passages[0].chunk.text).toContain('本条例所称老年人是指六十周岁以上的公民');
    expect(r.passages[0].why.definitionOf).toBe('老年人');
    // The defining article stands once.
    expect(r.passages.filter((p) => p.chunk.text.includes('所称老年人')).length).toBe(1);
    // Asked without asking a line, the articles using the term most keep their ranks.
    const plain = await assistant.retriever.retrieve('老年人享受哪些优待？');
    expect(plain.passages[0].why.definitionOf).toBeUndefined();
  });

  it('keeps the first-ranked rule’s wording when another document defines the term', async () => {
    const r = await assistant.retriever.retrieve('按青岛的噪声管理规定，“夜间”具体是指几点到几点？');
    expect(r.passages[0].meta.title).toBe('青岛市环境噪声管理规定');
    expect(r.passages.some((p) => p.why.definitionOf !== undefined)).toBe(false);
  });
});
