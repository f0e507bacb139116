import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Passage } from '../../src/domain.js';
import {
  articleNumber,
  matchNamedDocument,
  parseArticleRef,
  titleForms,
} from '../../src/retrieve/article-route.js';
import { reciprocalRankFusion } from '../../src/retrieve/fusion.js';
import { dropRepeats } from '../../src/retrieve/merge.js';
import { asksForNumber, topicalGroups } from '../../src/retrieve/query-terms.js';
import { idfCoverage } from '../../src/retrieve/relevance.js';
import { parseChineseNumber } from '../../src/text/chinese-numerals.js';

describe('chinese numerals', () => {
  it.each([
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['三十三', 33],
    ['一百零五', 105],
    ['一百二十', 120],
    ['一千二百三十四', 1234],
    ['65', 65],
    ['二〇二五', 2025],
    ['三万', 30000],
  ])('%s → %i', (raw, value) => {
    expect(parseChineseNumber(raw)).toBe(value);
  });
  it('rejects other text', () => {
    expect(parseChineseNumber('条例')).toBeUndefined();
  });
});

describe('article route', () => {
  const meta = (id: string, title: string, publishDate?: string): DocumentMeta => ({
    id,
    title,
    publishDate,
    type: '法规',
    sourcePath: `${id}.md`,
  });
  const docs = [
    meta('a', '中华人民共和国农民专业合作社法'),
    meta('b', '青岛市优化营商环境条例'),
    meta('c', '中华人民共和国拍卖法'),
    meta('d', '山东省优化营商环境条例'),
  ];

  it('finds the article number and the named document', () => {
    const q = '农民专业合作社法第三十三条的内容是什么？';
    const ref = parseArticleRef(q);
    expect(ref?.number).toBe(33);
    expect(matchNamedDocument(q, docs, ref?.index)?.id).toBe('a');
    expect(matchNamedDocument('《青岛市优化营商环境条例》第十条', docs)?.id).toBe('b');
    expect(matchNamedDocument('民法商法拍卖法第六十五条的内容是什么？', docs)?.id).toBe('c');
  });

  it('takes a two-character short name only right before the article (宪法第五条, not 宪法修正案)', () => {
    const laws = [
      meta('constitution', '中华人民共和国宪法', '2018-03-11'),
      meta('amendment', '中华人民共和国宪法修正案', '2018-03-11'),
      meta('criminal', '中华人民共和国刑法(2023修正)'),
      meta('criminal-am', '中华人民共和国刑法修正案（十一）'),
    ];
    const q = '宪法第五条的内容是什么？';
    expect(matchNamedDocument(q, laws, parseArticleRef(q)?.index)?.id).toBe('constitution');
    const r = '刑法第二百五十七条的内容是什么？';
    expect(matchNamedDocument(r, laws, parseArticleRef(r)?.index)?.id).toBe('criminal');
    const a = '《刑法修正案（十一）》第一条';
    expect(matchNamedDocument(a, laws, parseArticleRef(a)?.index)?.id).toBe('criminal-am');
    // 宪法 elsewhere in the sentence does not name the document.
    const s = '依据宪法制定的条例第三条';
    expect(matchNamedDocument(s, laws, parseArticleRef(s)?.index)).toBeUndefined();
  });

  it('does not match a title that is not named', () => {
    expect(matchNamedDocument('营商环境条例第十条', docs)).toBeUndefined();
    expect(parseArticleRef('居住证怎么办理')).toBeUndefined();
  });

  it('reads article labels and title forms', () => {
    expect(articleNumber('第一百零五条')).toBe(105);
    expect(titleForms('中华人民共和国公司法(2023修订)')).toContain('公司法');
  });
});

describe('fusion and merging', () => {
  it('ranks a chunk found by both lists above chunks found by one', () => {
    const fused = reciprocalRankFusion(
      [
        { chunkId: 'x', score: 9, rank: 1 },
        { chunkId: 'both', score: 8, rank: 2 },
      ],
      [
        { chunkId: 'y', score: 0.9, rank: 1 },
        { chunkId: 'both', score: 0.8, rank: 2 },
      ],
    );
    expect(fused[0]).toMatchObject({ chunkId: 'both', bm25Rank: 2, vectorRank: 2 });
    expect(fused).toHaveLength(3);
  });

  it('drops overlapping passages of one document, keeping the better one', () => {
    const p = (id: string, docId: string, start: number, end: number, text: string): Passage => ({
      chunk: { id, docId, start, end, text, headingPath: [] },
      meta: { id: docId, title: docId, type: '其他', sourcePath: '' },
      score: 1,
      why: { matchedTerms: [] },
    });
    const kept = dropRepeats([
      p('a#1', 'a', 0, 100, '甲'.repeat(100)),
      p('a#2', 'a', 40, 140, '乙'.repeat(100)),
      p('a#3', 'a', 95, 200, '丙'.repeat(105)),
      p('b#1', 'b', 0, 100, '甲'.repeat(100)),
    ]);
    expect(kept.map((k) => k.chunk.id)).toEqual(['a#1', 'a#3', 'b#1']);
  });

  it('folds a republished copy into the better-ranked passage and says where it stands', async () => {
    const { foldCopies } = await import('../../src/retrieve/fold-copies.js');
    const p = (id: string, docId: string, text: string): Passage => ({
      chunk: { id, docId, start: 10, end: 10 + text.length, text, headingPath: [] },
      meta: { id: docId, title: `《${docId}》`, type: '其他', sourcePath: '' },
      score: 1,
      why: { matchedTerms: [] },
    });
    const tail = '鼓励在京中央企业参照执行。';
    const notice =
      '减免中小微企业房租。承租国有企业房产的，免收2月份房租。承租办公用房的，给予租金50%的减免。';
    const kept = foldCopies([
      p('news#0', 'news', `（转载）${notice}`),
      p('other#0', 'other', '鼓励业主为租户减免租金，具体由双方协商解决。对减免租金的企业给予补贴。'),
      p('gov#3', 'gov', `${notice}${tail}`),
      p('gov#4', 'gov', notice),
    ]);
    expect(kept.map((k) => k.chunk.id)).toEqual(['news#0', 'other#0']);
    expect(kept[0].copies).toEqual([
      { docId: 'gov', title: '《gov》', start: 10, end: 10 + notice.length + tail.length },
      { docId: 'gov', title: '《gov》', start: 10, end: 10 + notice.length },
    ]);
    expect(kept[1].copies).toBeUndefined();
  });
});

describe('relevance signal', () => {
  it('is low when the most informative term is missing', () => {
    const idf = new Map([
      ['青岛', 0.2],
      ['居住证', 9],
      ['5g', 4],
      ['基站', 5],
    ]);
    const texts = ['青岛 力争5g基站数达4.5万个'];
    expect(idfCoverage({ groups: [['青岛'], ['居住证']], idf, texts })).toBeLessThan(0.1);
    expect(idfCoverage({ groups: [['青岛'], ['5g'], ['基站']], idf, texts })).toBe(1);
  });

  it('drops question words and spots number questions', () => {
    expect(topicalGroups([['青岛'], ['怎么'], ['办理'], ['居住证']])).toEqual([
      ['青岛'],
      ['办理'],
      ['居住证'],
    ]);
    // The citizen's scene and hedges (我家, 家里, 要是, 觉得) are no topic either.
    expect(
      topicalGroups([['我家'], ['窗前'], ['大树', '树木'], ['要是'], ['家里'], ['觉得'], ['好几年']]),
    ).toEqual([['大树', '树木']]);
    // Where the citizen stands is no topic either: 窗前的大树, 楼上装修, 隔壁养狗.
    expect(topicalGroups([['楼上'], ['装修'], ['隔壁'], ['养狗']])).toEqual([['装修'], ['养狗']]);
    // A single character leaves beside longer terms, unless the lexicon maps it (狗 → 犬).
    expect(topicalGroups([['抱'], ['狗', '犬', '犬只'], ['打车', '出租汽车']])).toEqual([
      ['狗', '犬', '犬只'],
      ['打车', '出租汽车'],
    ]);
    // Asks jieba glues to a neighbour — 几天, 多少度, 由谁来, 这种, "是从" (是 + 从) — are no topic;
    // one the lexicon reads (多长时间 → 期限) keeps its official words.
    expect(
      topicalGroups([['是从'], ['开始'], ['多少度'], ['这种'], ['应急'], ['几天'], ['由谁来'], ['段时间']]),
    ).toEqual([['开始'], ['应急']]);
    expect(topicalGroups([['多长时间', '期限'], ['过渡']])).toEqual([['多长时间', '期限'], ['过渡']]);
    // 这边, 那边 point at where the citizen is ("山东这边有规定吗", "即墨这边"): no topic either.
    expect(topicalGroups([['山东'], ['这边'], ['那边'], ['信报箱']])).toEqual([['山东'], ['信报箱']]);
    // Nor a demonstrative with its measure word (那栋老楼, 这条路, 这块地, 这方面).
    expect(topicalGroups([['那栋'], ['老楼'], ['这条'], ['这方面']])).toEqual([['老楼']]);
    expect(asksForNumber('要建多少个基站')).toBe(true);
    expect(asksForNumber('居住证怎么办理')).toBe(false);
  });
});

describe('general rarity and places', () => {
  it('weighs topical words above ordinary ones, from jieba word frequencies', async () => {
    const { generalRarity } = await import('../../src/text/general-rarity.js');
    expect(generalRarity('居住证')).toBe(1);
    expect(generalRarity('安排')).toBeLessThan(0.4);
    expect(generalRarity('算力券')).toBe(1);
    expect(generalRarity('的')).toBeCloseTo(0.1);
  });

  it('finds the places a question names', async () => {
    const { placesIn } = await import('../../src/text/place-names.js');
    expect(placesIn('北京市数字政府建设有哪些任务？')).toEqual(['北京']);
    expect(placesIn('青岛和济南的政策')).toEqual(['青岛', '济南']);
    expect(placesIn('社保怎么交')).toEqual([]);
  });
});

describe('word-boundary coverage', () => {
  it('takes a compound ending in the term for the term, not a word that merely starts with it', async () => {
    const { holdsTerm } = await import('../../src/retrieve/relevance.js');
    expect(holdsTerm('公积金', '提取住房公积金')).toBe(true);
    expect(holdsTerm('青岛', '青岛市学前教育条例')).toBe(true);
    expect(holdsTerm('居住证', '出具本人身份证明和居住证明等材料')).toBe(false);
    expect(holdsTerm('居住证', '居住证明或者居住证')).toBe(true);
    expect(holdsTerm('居住证', '持有居住证。')).toBe(true);
    expect(holdsTerm('5G', '5G基站')).toBe(true);
  });
  it('takes an all-of term written as one word for the term, whatever its parts run into', async () => {
    const { holdsTerm } = await import('../../src/retrieve/relevance.js');
    const rule = '经营者不得允许未成年人进入互联网上网服务营业场所';
    // 互联网 runs into 上 (网上, online) here, which alone reads as another word.
    expect(holdsTerm('互联网+上网+服务+营业+场所', rule)).toBe(true);
    expect(holdsTerm('人力资源+社会保障+部门', '人力资源和社会保障部门')).toBe(true);
    expect(holdsTerm('人力资源+社会保障+部门', '人力资源部门')).toBe(false);
  });
});

describe('a list asked', () => {
  it('is 哪些, or 材料/条件 with an ask, not 材料 or 条件 mentioned in passing', async () => {
    const { asksForList } = await import('../../src/retrieve/query-terms.js');
    expect(asksForList('登记结婚需要带哪些证件和材料？')).toBe(true);
    expect(asksForList('补办要准备什么材料？')).toBe(true);
    expect(asksForList('复工审批材料都需要什么？')).toBe(true);
    expect(asksForList('申请要满足什么条件？')).toBe(true);
    // The documents and formalities a list names, as CONDITIONS_ASK reads them.
    expect(asksForList('离婚登记需要带什么证件？')).toBe(true);
    expect(asksForList('过户要办什么手续')).toBe(true);
    expect(asksForList('交了材料后多久能拿到？')).toBe(false);
    expect(asksForList('符合条件的企业如何申请免征污水处理费？')).toBe(false);
  });

  it('asks for conditions or materials only when it names them, not for any 哪些', async () => {
    const { asksForConditions } = await import('../../src/retrieve/query-terms.js');
    expect(asksForConditions('失业金要满足哪些条件才能领')).toBe(true);
    expect(asksForConditions('补办要准备什么材料')).toBe(true);
    expect(asksForConditions('哪几种情形不予登记')).toBe(true);
    expect(asksForConditions('材料都需要什么')).toBe(true);
    // A range or a count answers these, not a list.
    expect(asksForConditions('哪些年龄的人有义务植树')).toBe(false);
    expect(asksForConditions('生活垃圾一共分成哪几类')).toBe(false);
    expect(asksForConditions('交了材料后多久能拿到')).toBe(false);
  });
});

describe('asked quantity', () => {
  // Groups as tokenizeQuery gives them (question words already dropped), in question order.
  const g = (...terms: string[]) => terms.map((t) => [t]);
  it('finds the quantity next to the number question word', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    expect(askedQuantity('担保产品的担保额度是多少？', g('担保', '产品', '额度'))).toEqual(['额度']);
    expect(askedQuantity('决定再给予多少贴息支持？', g('决定', '给予', '贴息', '支持'))).toEqual(['贴息']);
    expect(
      askedQuantity('核心产业增加值占比要达到多少？', g('核心', '产业', '增加值', '占比', '达到')),
    ).toEqual(['占比']);
  });
  it('reads 保证, 不低于 and 得 between the quantity and 多少 as links, not as the quantity', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    expect(askedQuantity('屋里温度最低得保证多少度？', g('屋里', '温度', '最低', '保证'))).toEqual(['温度']);
    expect(askedQuantity('缴存比例不低于多少？', g('缴存', '比例', '不低于'))).toEqual(['比例']);
  });
  it('takes a share for a count of the parties who must consent (多少户同意)', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    const { quantityFactor } = await import('../../src/retrieve/coverage-factors.js');
    const asked = askedQuantity('一个单元得有多少户同意申请才行？', g('单元', '同意', '申请'));
    expect(asked).toContain('同意');
    const rule = '申请安装供热设施户数达到单元总户数百分之六十以上的，供热单位应当安装供热设施并供热';
    expect(quantityFactor(asked, rule)).toBe(1);
    expect(quantityFactor(asked, '供热单位应当在采暖期开始前完成供热设施的检修')).toBeLessThan(1);
    // Without a party counted before it, 同意 stays the quantity as asked.
    expect(askedQuantity('总共需要多少同意票？', g('同意', '票'))).toEqual(['同意']);
  });
  it('counts the noun after a measure word, but not after 哪几', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    // The verb before 几 is what is done with them; the noun after 个 is what is counted.
    expect(askedQuantity('一辆教练车最多同时安排几个学员练？', g('教练车', '安排', '学员'))).toEqual([
      '学员',
    ]);
    expect(askedQuantity('每个班最多多少名学生？', g('学生'))).toEqual(['学生']);
    // 哪几项税费 asks which ones: a text names them (关税、增值税) without the word 税费.
    expect(askedQuantity('免征哪几项税费？', g('免征', '税费'))).toBeUndefined();
  });
  it('asks a time of day after 几点, and only there (not 几点意见, 哪几点)', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    const { quantityFactor } = await import('../../src/retrieve/coverage-factors.js');
    const clock = askedQuantity('青岛地铁1号线末班车是几点？', g('青岛', '地铁', '末班车'));
    expect(clock).toContain('时至');
    // A passage stating a time of day names the quantity; one about approving timetables does not.
    expect(quantityFactor(clock, '夜间从二十二时至次日六时')).toBe(1);
    expect(quantityFactor(clock, '晚上十点以后不得施工')).toBe(1);
    // A period of the day a rule defines in hours (午间，是指…十二时至十四时) states one too.
    expect(quantityFactor(clock, '不得在午间和夜间从事产生噪声污染的装饰装修')).toBe(1);
    expect(quantityFactor(clock, '确定、调整首末班车行车时刻应当经市交通运输行政主管部门批准')).toBeLessThan(
      1,
    );
    expect(askedQuantity('对这份草案有几点意见？', g('草案', '意见')) ?? []).not.toContain('时至');
    expect(askedQuantity('办理时要注意哪几点？', g('办理', '注意')) ?? []).not.toContain('时至');
  });
  it('reads a goal as the quantity before it', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    expect(askedQuantity('地区生产总值增长目标是多少？', g('地区', '生产总值', '增长', '目标'))).toEqual([
      '增长',
    ]);
    expect(askedQuantity('占gdp的比重目标是多少？', g('占', 'gdp', '比重', '目标'))).toEqual(['比重']);
  });
  it('names nothing when the question does not ask for a number of a named quantity', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    expect(askedQuantity('有多少人参加', g('人', '参加'))).toBeUndefined();
    expect(askedQuantity('居住证怎么办理？', g('居住证', '办理'))).toBeUndefined();
    expect(askedQuantity('基站建到多少个？', g('基站', '建'))).toBeUndefined();
  });
  it('reads the word after 多久/多长 as the event timed, not a quantity', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    // The duration is what a text states (提前六十日书面通知), not the asker's verb.
    // An advance is named by 提前 or by a span before 前 (六十日前).
    expect(askedQuantity('得提前多久打招呼？', g('提前', '打招呼'))?.slice(0, 2)).toEqual(['提前', '日前']);
    expect(askedQuantity('多长时间来一次？', g('一次'))).toBeUndefined();
    expect(askedQuantity('在广州补办，多久能办结？', g('广州', '补办', '办结'))).toBeUndefined();
    // A word placing the event in time is no quantity (以后多少天内, 献多少以后).
    expect(askedQuantity('材料交齐以后几天能办下来？', g('材料', '交齐', '以后'))).toBeUndefined();
    expect(askedQuantity('累计献多少以后就终身免费了？', g('累计', '以后', '终身', '免费'))).toBeUndefined();
    // 最长 and 最短 link a bound to its ask like 最多 and 最少: no rule must say 最长.
    expect(
      askedQuantity('受理以后，最长多少天要给出认定结果？', g('受理', '以后', '最长', '给出', '结果')),
    ).toBeUndefined();
    // 多少 still counts the word after it.
    expect(askedQuantity('要建多少基站？', g('建', '基站'))).toEqual(['基站']);
  });
  it('reads the word before 多久/多长 as the quantity only when it names a span of time', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    // 能干 is what the 应急物业 does, not a quantity a text names (应急物业服务期限不超过六个月).
    expect(
      askedQuantity('应急物业最多能干多长时间？', g('应急', '物业', '能干', '多长时间')),
    ).toBeUndefined();
    expect(askedQuantity('这张证的有效期多长？', g('证', '有效期'))).toEqual(['有效期']);
    expect(askedQuantity('过渡期限是多久？', g('过渡', '期限'))).toEqual(['期限']);
  });
  it('reads a unit of time after 几/多少 as a span asked: the verb before it is the event timed', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    // The rule says 连续3年不使用, not 闲置; 征求意见 is what lasts 不少于30日.
    expect(
      askedQuantity('商标要闲置几年以上才能申请撤销？', g('商标', '闲置', '申请', '撤销')),
    ).toBeUndefined();
    expect(askedQuantity('一般要公开征求意见多少天？', g('公开', '征求', '意见'))).toBeUndefined();
    // A leave or a term before it is the span itself, which the text must name.
    expect(askedQuantity('山东规定婚假是几天？', g('山东', '婚假'))).toEqual(['婚假']);
    expect(askedQuantity('试用期最长几个月？', g('试用期'))).toEqual(['试用期']);
    // Not a span: a grade, an age.
    expect(askedQuantity('孩子上几年级可以申请？', g('孩子', '申请'))).toBeUndefined();
  });
  it('reads a person before 多大 (and 几岁, 多少岁) as an age asked, not the person', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    const age = ['周岁', '年龄', '岁'];
    expect(askedQuantity('孩子多大才能骑电动自行车上路？', g('孩子', '才能', '电动自行车', '上路'))).toEqual(
      age,
    );
    expect(askedQuantity('学生几岁可以入学？', g('学生', '入学'))).toEqual(age);
    // 多大 after a thing still asks for that thing's size.
    expect(askedQuantity('最少能补多大面积？', g('最少', '面积'))).toEqual(['面积']);
  });
  it('takes 好几 (several), 十几 (some) and 几乎 (almost) for no number asked', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    expect(asksForNumber('这棵树好几百年了，能砍吗？')).toBe(false);
    expect(asksForNumber('能不能一次收好几年的学费？')).toBe(false);
    expect(asksForNumber('几乎每天都停水，怎么投诉？')).toBe(false);
    expect(asksForNumber('好几年没交了，要补几年？')).toBe(true);
    // 哪几 before a kind asks which ones, a list; before days it asks dates.
    expect(asksForNumber('租赁经营，承租的一方可以有哪几种形式？')).toBe(false);
    expect(asksForNumber('捐赠进口物资增加了哪几类？')).toBe(false);
    expect(asksForNumber('爱鸟周是每年的哪几天？')).toBe(true);
    // 这段时间 names the period the question is about; it asks no time.
    expect(asksForNumber('出了工伤要停工养伤，这段时间工资还照发吗？')).toBe(false);
    expect(asksForNumber('停工养伤的时间最长多久？')).toBe(true);
    expect(asksForNumber('开放时间是几点到几点？')).toBe(true);
    // 几 after a numeral is a vague amount the citizen states (十几年, 二十几岁), no ask.
    expect(asksForNumber('家里养了十几年的狗老死了，能不能在花坛里埋了？')).toBe(false);
    expect(asksForNumber('养了十几年的狗，一年要交几次登记费？')).toBe(true);
    expect(topicalGroups([['十几年'], ['二十几岁'], ['狗', '犬']])).toEqual([['狗', '犬']]);
    expect(askedQuantity('好几年没交的学费一次补多少？', g('好几年', '学费', '一次', '补'))).toBeUndefined();
  });
  it('reads a 几 of the scene set before asking whether as no number asked', async () => {
    const { askedQuantity } = await import('../../src/retrieve/query-terms.js');
    const scene = '草丛里有一窝野鸭蛋，孩子想捡几个带回家孵，这样可以吗？';
    expect(asksForNumber(scene)).toBe(false);
    expect(askedQuantity(scene, g('野鸭蛋', '带回家', '孵'))).toBeUndefined();
    expect(asksForNumber('朋友来青岛玩几天，不住酒店，直接住我家。需要去派出所登记吗？')).toBe(false);
    expect(asksForNumber('开了张几十块钱的罚单。这种罚单会不会记进信用记录，以后影响贷款？')).toBe(false);
    // The number asked in its own part, or in the clause that asks whether, still counts.
    expect(asksForNumber('单位得给我放几天假？工资照发吗？')).toBe(true);
    expect(asksForNumber('材料要几份，需要原件吗？')).toBe(true);
    expect(asksForNumber('要交几年社保才能落户吗？')).toBe(true);
    expect(asksForNumber('孩子想捡几个，最多能捡几个吗？')).toBe(true);
    // Any A-not-A form asks whether: 好不好, 对不对 as well as 能不能.
    expect(asksForNumber('孩子想捡几个带回家孵，这样好不好？')).toBe(false);
    expect(asksForNumber('花了几十块钱办的卡，这样收费对不对')).toBe(false);
  });
  it('reads a 几 of the scene set before asking who, where, how or what as no number asked', () => {
    expect(asksForNumber('在展销会上买的按摩椅没用几天就坏了，卖家也找不到，我还能找谁赔？')).toBe(false);
    expect(asksForNumber('家里养了几头猪，想建个沼气池，该去哪儿申请？')).toBe(false);
    // A number asked in a clause of its own (是几号), or in the asking clause, still counts.
    expect(asksForNumber('啤酒节是几号开幕，主会场在哪？')).toBe(true);
    expect(asksForNumber('啤酒节几号开幕，主会场在哪？')).toBe(true);
    expect(asksForNumber('伏季休渔几月几号结束，啥时候开海？')).toBe(true);
    expect(asksForNumber('按摩椅坏了，能找谁赔几倍？')).toBe(true);
    expect(asksForNumber('按摩椅没用几天就坏了')).toBe(true);
    // 多久 and 多长 of the scene as well: 当初也没说住多久 is not what is asked.
    expect(asksForNumber('儿子住着我名下的房子，当初也没说住多久，现在我想收回来，他不愿意搬怎么办？')).toBe(
      false,
    );
    expect(asksForNumber('房子借给儿子住，最多能住多久？')).toBe(true);
  });
});
