import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta, Passage } from '../../src/domain.js';
import { foldCopies, mayFold } from '../../src/retrieve/fold-copies.js';
import {
  askedFieldGroups,
  coveredPlaces,
  coveredPlacesSentence,
  routeGuideFields,
  termsAnsweredByField,
} from '../../src/retrieve/guide-route.js';

const guideMeta = (id: string, title: string, authority: string, region: string): DocumentMeta => ({
  id,
  title,
  authority,
  region,
  type: '办事指南',
  sourcePath: `${id}.md`,
});

const fieldChunk = (docId: string, n: number, meta: DocumentMeta, group: string, text: string): Chunk => ({
  id: `${docId}#${n}`,
  docId,
  start: n * 100,
  end: n * 100 + text.length,
  headingPath: [`《${meta.title}》`, meta.authority ?? '', group],
  text,
});

const passage = (chunk: Chunk, meta: DocumentMeta, score: number): Passage => ({
  chunk,
  meta,
  score,
  why: { matchedTerms: [] },
});

describe('ask → field group', () => {
  it.each([
    ['在广州把保安员证弄丢了，补一个要多久？需要跑现场吗？', ['办结时限', '办理方式']],
    ['在广州第一次申领小型汽车驾驶证，要交什么材料？', ['申请材料']],
    ['广州市公安局的普通护照是在哪个地址受理的？', ['办理地点']],
    ['广东居民申请低压用电报装，有问题打什么电话？', ['咨询电话']],
    ['二建初始注册在广东批下来要多久？证书能寄到家吗？', ['办结时限', '办理方式']],
    ['在广东申请担任公证员要满足哪些条件？', ['受理条件']],
  ])('%s', (question, groups) => {
    expect(askedFieldGroups(question)).toEqual(groups);
  });

  it('asks for no field in a question about a policy', () => {
    expect(askedFieldGroups('数字青岛2025年行动方案提出了哪些工程？')).toEqual([]);
  });

  it('counts the ask words as held by the field that answers them, not by other fields', () => {
    const meta = guideMeta('g', '办理普通护照', '广州市公安局', '广东省广州市');
    const time = fieldChunk('g', 3, meta, '办结时限', '**承诺办结时限**：5(工作日)');
    const place = fieldChunk('g', 2, meta, '办理地点', '**办理地点**：越秀区东华东路367号');
    const terms = ['广州', '普通护照', '等', '几天', '本人', '几趟'];
    expect(termsAnsweredByField('在广州申请普通护照要等几天？要本人去几趟？', terms, time)).toEqual(['几天']);
    expect(termsAnsweredByField('在广州申请普通护照要等几天？', terms, place)).toEqual([]);
  });
});

describe('the field route', () => {
  const a = guideMeta('a', '保安员证核发(新办)', '广州市公安局', '广东省广州市');
  const b = guideMeta('b', '保安员证核发(遗失补发保安员证)', '广州市公安局', '广东省广州市');
  const chunksA = ['事项信息', '受理条件', '办结时限', '办理方式', '申请材料'].map((g, n) =>
    fieldChunk('a', n, a, g, `${g}甲`),
  );
  const chunksB = ['事项信息', '受理条件', '办结时限', '办理方式', '申请材料'].map((g, n) =>
    fieldChunk('b', n, b, g, `${g}乙`),
  );
  const store = new Map([
    ['a', chunksA],
    ['b', chunksB],
  ]);
  const chunksOf = async (id: string) => store.get(id) ?? [];

  it('puts the asked fields of the two best guides where each guide ranks, fetching what was not retrieved', async () => {
    const passages = [passage(chunksB[1], b, 0.9), passage(chunksA[0], a, 0.8), passage(chunksB[4], b, 0.7)];
    const routed = await routeGuideFields({
      question: '补一个要多久？需要跑现场吗？',
      passages,
      chunksOf,
      toPassage: passage,
    });
    expect(routed.map((p) => p.chunk.id)).toEqual(['b#2', 'b#3', 'b#1', 'a#2', 'a#3', 'a#0', 'b#4']);
    expect(routed[0].score).toBe(0.9);
    expect(routed[3].score).toBe(0.8);
  });

  it('leaves the order alone when no field is asked', async () => {
    const passages = [passage(chunksB[1], b, 0.9), passage(chunksA[0], a, 0.8)];
    const routed = await routeGuideFields({
      question: '保安员证核发',
      passages,
      chunksOf,
      toPassage: passage,
    });
    expect(routed).toBe(passages);
  });
});

describe('folding copies of guides', () => {
  const sentence = '申请人应当持本人居民身份证到公安机关出入境管理部门提出申请并按规定缴纳费用。';
  const text = `${sentence}${sentence.replace('申请人', '本人')}`;
  const hk = guideMeta('hk', '往来港澳签注(探亲)', '广州市公安局', '广东省广州市');
  const tw = guideMeta('tw', '往来台湾签注(探亲)', '广州市公安局', '广东省广州市');
  const gdHk = guideMeta('gdhk', '往来港澳签注(探亲)', '广东省公安厅', '广东省');
  const hkAgain = guideMeta('hk2', '往来港澳签注(探亲)', '广州市公安局', '广东省广州市');
  const p = (meta: DocumentMeta) => passage(fieldChunk(meta.id, 1, meta, '受理条件', text), meta, 1);

  it('keeps sibling matters and the same matter of another place apart', () => {
    expect(mayFold(tw, hk)).toBe(false);
    expect(mayFold(gdHk, hk)).toBe(false);
    expect(foldCopies([p(hk), p(tw), p(gdHk)]).map((k) => k.chunk.docId)).toEqual(['hk', 'tw', 'gdhk']);
  });

  it('folds a second record of the same matter, authority and place', () => {
    const kept = foldCopies([p(hk), p(hkAgain)]);
    expect(kept.map((k) => k.chunk.docId)).toEqual(['hk']);
    expect(kept[0].copies?.map((c) => c.docId)).toEqual(['hk2']);
  });

  it('still folds a notice republished under another title', () => {
    const notice = (id: string, title: string): Passage =>
      passage(
        { id: `${id}#0`, docId: id, start: 0, end: text.length, headingPath: [title], text },
        { id, title, type: '通知', sourcePath: id },
        1,
      );
    const kept = foldCopies([
      notice('gov', '关于减免房租的通知'),
      notice('news', '转载：关于减免房租的通知'),
    ]);
    expect(kept.map((k) => k.chunk.docId)).toEqual(['gov']);
  });
});

describe('places covered by a guide', () => {
  const gz = guideMeta('gz', '办理普通护照', '广州市公安局', '广东省广州市');
  const sz = guideMeta('sz', '办理普通护照', '深圳市公安局', '广东省深圳市');
  const gd = guideMeta('gd', '办理普通护照', '广东省公安厅', '广东省');
  const other = guideMeta('x', '保安员证核发', '广州市公安局', '广东省广州市');

  it('names the places that have the matter when the asked one has none', () => {
    const places = coveredPlaces({ question: '在青岛办普通护照要多久？', guide: gz, metas: [gz, sz, other] });
    expect(places).toEqual(['广州市', '深圳市']);
    expect(coveredPlacesSentence(places)).toBe('文件中只有广州市、深圳市的该事项办事指南。');
  });

  it('is silent when a guide of the asked place or its province exists, or no place is named', () => {
    expect(
      coveredPlaces({ question: '在广州办普通护照要多久？', guide: gz, metas: [gz, sz] }),
    ).toBeUndefined();
    expect(
      coveredPlaces({ question: '在深圳办普通护照要多久？', guide: gz, metas: [gz, gd] }),
    ).toBeUndefined();
    expect(coveredPlaces({ question: '办普通护照要多久？', guide: gz, metas: [gz] })).toBeUndefined();
    expect(coveredPlacesSentence(undefined)).toBe('');
  });
});
