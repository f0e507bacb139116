import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta, Passage } from '../../src/domain.js';
import { foldCopies, mayFold } from '../../src/retrieve/fold-copies.js';
import { coveredPlaces, coveredPlacesSentence } from '../../src/retrieve/guide-places.js';
import {
  askedFieldGroups,
  routeGuideFields,
  termsAnsweredByField,
  titleOverlap,
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

  it('counts the ask words, and the step a time ask names, as held by a guide field chunk only', () => {
    const meta = guideMeta('g', '办理普通护照', '广州市公安局', '广东省广州市');
    const time = fieldChunk('g', 3, meta, '办结时限', '**承诺办结时限**：5(工作日)');
    const prose: Chunk = { ...time, headingPath: ['《护照法》', '第十条'] };
    const terms = ['广州', '普通护照', '审批', '几天', '本人', '几趟'];
    const q = '在广州申请普通护照审批要几天?要本人去几趟?';
    expect(termsAnsweredByField(q, terms, time)).toEqual(['审批', '几天', '本人', '几趟']);
    expect(termsAnsweredByField(q, terms, prose)).toEqual([]);
    // The matter word right before a time ask with no link word is not a step: 办犬证几天.
    expect(termsAnsweredByField('办犬证几天能办好', ['犬证', '几天', '办好'], time)).toEqual([
      '几天',
      '办好',
    ]);
  });
});

describe('the field route', () => {
  const a = guideMeta('a', '公证员考核任职', '广东省司法厅', '广东省');
  const b = guideMeta('b', '公证员一般任职', '广东省司法厅', '广东省');
  const law = {
    id: 'law',
    title: '中华人民共和国公证法',
    type: '法规',
    sourcePath: 'law.md',
  } as DocumentMeta;
  const groups = ['事项信息', '受理条件', '办结时限', '办理方式', '申请材料'];
  const chunksA = groups.map((g, n) => fieldChunk('a', n, a, g, `${g}甲`));
  const chunksB = groups.map((g, n) => fieldChunk('b', n, b, g, `${g}乙`));
  const lawChunk: Chunk = {
    id: 'law#0',
    docId: 'law',
    start: 0,
    end: 4,
    headingPath: ['《公证法》'],
    text: '第十八条',
  };
  const store = new Map([
    ['a', chunksA],
    ['b', chunksB],
  ]);
  const chunksOf = async (id: string) => store.get(id) ?? [];
  const idf = new Map([
    ['公证员', 6],
    ['任职', 4],
    ['广东', 1],
    ['条件', 1],
    ['多久', 1],
  ]);

  it('ranks sibling guides by the title the question names and puts their asked fields first, fetching what was not retrieved', async () => {
    const passages = [passage(lawChunk, law, 1), passage(chunksA[4], a, 0.9), passage(chunksB[4], b, 0.8)];
    const routed = await routeGuideFields({
      question: '在广东申请担任公证员(一般任职)要满足哪些条件?要多久?',
      passages,
      groups: [['广东'], ['公证员'], ['任职'], ['条件']],
      idf,
      chunksOf,
      toPassage: passage,
    });
    // Both guides hold every matter term; the question repeats 一般任职, so b goes first.
    expect(routed.map((p) => p.chunk.id)).toEqual(['b#1', 'b#2', 'a#1', 'a#2', 'law#0', 'a#4', 'b#4']);
    expect(routed[0].score).toBe(0.8);
  });

  it('keeps the asked fields where the guides ranked when the guides match the matter weakly', async () => {
    const passages = [passage(lawChunk, law, 1), passage(chunksA[4], a, 0.9)];
    const routed = await routeGuideFields({
      question: '公证处的公证员执业要满足什么条件?',
      passages,
      groups: [['公证处'], ['公证员'], ['执业'], ['条件']],
      idf: new Map([...idf, ['公证处', 8], ['执业', 5]]),
      chunksOf,
      toPassage: passage,
      guides: 1,
    });
    expect(routed.map((p) => p.chunk.id)).toEqual(['law#0', 'a#1', 'a#4']);
  });

  it('leaves the order alone when no field is asked', async () => {
    const passages = [passage(chunksB[1], b, 0.9), passage(chunksA[0], a, 0.8)];
    const routed = await routeGuideFields({
      question: '公证员一般任职',
      passages,
      groups: [['公证员']],
      idf,
      chunksOf,
      toPassage: passage,
    });
    expect(routed).toBe(passages);
  });

  it('tells siblings apart by the title bigrams the question repeats', () => {
    const q = '在广东申请担任公证员(一般任职)要满足哪些条件?';
    expect(titleOverlap(q, '公证员一般任职')).toBeGreaterThan(titleOverlap(q, '公证员考核任职'));
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
