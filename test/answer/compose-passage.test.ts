import { describe, expect, it } from 'vitest';
import { answersAskKind } from '../../src/answer/ask-kinds.js';
import { composeFromPassages } from '../../src/answer/compose-passage.js';
import { anchoredOnAsk, scoreSentences } from '../../src/answer/extractive-selection.js';
import { passageSentences, WHOLE_ARTICLE_MAX_CHARS } from '../../src/answer/passage-pieces.js';
import { withStatedRanges } from '../../src/answer/stated-case.js';
import type { Passage } from '../../src/domain.js';
import { articlePassages } from '../fakes/article-passages.js';

const IDF = new Map([
  ['阳台', 6],
  ['烟花爆竹', 6],
  ['罚款', 2],
  ['学员', 4],
  ['教练员', 3],
  ['驾驶培训', 5],
]);

describe('the rule and its penalty', () => {
  // 第十二条 is another rule's (a sales regulation): a close article of the anchor's own rule would
  // join on its score alone (below), so the references rule is shown on one that is not.
  const [penalty, place] = articlePassages('fireworks', [
    {
      text: '第十一条 违反本规定第三条规定燃放烟花爆竹的，由公安机关责令停止燃放，处三百元以上五百元以下罚款。',
      score: 1,
    },
    { text: '第三条 下列场所禁止燃放烟花爆竹：\n（一）建筑物的楼顶、阳台；\n（二）加油站。', score: 0.9 },
  ]);
  const [sales] = articlePassages('fireworks-sales', [
    { text: '第十二条 对违法销售烟花爆竹的，依照有关规定予以处罚。', score: 0.98 },
  ]);
  const passages = [penalty, sales, place];
  const groups = [['阳台'], ['烟花爆竹'], ['罚款', '处罚']];
  const question = '在自家阳台上放烟花爆竹，会挨罚吗？';

  it('a penalty question anchors on the sanction sentence', () => {
    const [best] = scoreSentences(question, passages, groups, IDF);
    expect(best.text).toContain('处三百元以上五百元以下罚款');
  });

  it('brings in the article the penalty names, whole with its items', () => {
    const scored = scoreSentences(question, passages, groups, IDF);
    const composed = composeFromPassages(passages, scored, {
      multiPart: false,
      references: true,
    });
    const text = composed?.pieces.map((p) => p.text).join('') ?? '';
    expect(text).toContain('处三百元以上五百元以下罚款');
    expect(text).toContain('（一）建筑物的楼顶、阳台；');
    // 第十二条 only shares words with the question: it names no article of the anchor.
    expect(text).not.toContain('违法销售');
  });

  it('quotes a close article of the same rule beside the anchor for a one-part question', () => {
    const smoking = articlePassages('smoking', [
      {
        text: '第十一条 有关监督管理部门按照以下分工负责对控制吸烟工作的监督：\n（一）食品药品监管部门负责对餐饮服务场所的监督管理；\n（二）公安机关负责对住宿场所的监督管理。',
        score: 1,
      },
      {
        text: '第六条 禁止在下列场所吸烟：\n（一）提供餐饮、住宿服务的室内公共场所；\n（二）公共交通工具内。',
        score: 0.95,
      },
    ]);
    const asked = '饭店里能抽烟吗';
    const terms = [
      ['饭店', '餐饮'],
      ['抽烟', '吸烟'],
    ];
    const idf = new Map([
      ['饭店', 6],
      ['餐饮', 5],
      ['抽烟', 6],
      ['吸烟', 5],
    ]);
    const text = (ps: Passage[]) =>
      composeFromPassages(ps, scoreSentences(asked, ps, terms, idf), { multiPart: false })
        ?.pieces.map((p) => p.text)
        .join('') ?? '';
    expect(text(smoking)).toContain('禁止在下列场所吸烟');
    // The same article in another document's passage is no part of this rule: it stays out.
    const [supervision] = smoking;
    const [ban] = articlePassages('another-rule', [{ text: smoking[1].chunk.text, score: 0.95 }]);
    expect(text([supervision, ban])).not.toContain('禁止在下列场所吸烟');
  });

  it('without the references rule the named article stays out', () => {
    const scored = scoreSentences(question, passages, groups, IDF);
    const composed = composeFromPassages(passages, scored, { multiPart: false });
    expect(composed?.pieces.map((p) => p.text).join('')).not.toContain('阳台；');
  });
});

describe('a list of documents asked', () => {
  it('anchors "需要带什么证件" on the article that lists them, over one that only names 证件', () => {
    const idf = new Map([
      ['离婚登记', 8],
      ['证件', 1],
    ]);
    const passages = articlePassages('marriage', [
      {
        text: '第十三条 婚姻登记机关应当对离婚登记当事人出具的证件、证明材料进行审查并询问相关情况。',
        score: 1,
      },
      {
        text: '第十一条 办理离婚登记的内地居民应当出具下列证件和证明材料：\n（一）本人的户口簿、身份证；\n（二）本人的结婚证。',
        score: 0.99,
      },
    ]);
    const [best] = scoreSentences('离婚登记需要带什么证件？', passages, [['离婚登记'], ['证件']], idf);
    expect(best.text).toContain('应当出具下列证件和证明材料');
  });
});

describe('a final provision', () => {
  const idf = new Map([
    ['青岛', 3],
    ['烟花爆竹', 7],
    ['禁止', 2],
  ]);
  const passages = articlePassages('fireworks', [
    {
      text: '第十五条 本规定自2020年1月1日起施行。2004年1月6日公布的《青岛市禁止制作和限制销售燃放烟花爆竹规定》同时废止。',
      score: 1,
    },
    {
      text: '第二条 本市行政区域内，下列区域禁止燃放烟花爆竹：\n（一）市南区；\n（二）市北区。',
      score: 0.95,
    },
  ]);
  const groups = [['青岛'], ['烟花爆竹'], ['禁止']];

  it('is no answer to what the rule says, though it names the repealed rule’s title', () => {
    const [best] = scoreSentences('青岛市区能放烟花爆竹吗？', passages, groups, idf);
    expect(best.text).toContain('下列区域禁止燃放烟花爆竹');
  });

  it('answers when the rule took effect', () => {
    const [best] = scoreSentences('青岛禁止燃放烟花爆竹的规定什么时候施行？', passages, groups, idf);
    expect(best.text).toMatch(/起施行|同时废止/);
  });
});

describe("the passage's heading speaks for its sentences", () => {
  it("counts a term the document's title names at half weight, so its rule beats a sentence of another matter", () => {
    const idf = new Map([
      ['周末', 6],
      ['崂山', 5],
      ['烤', 3],
      ['烧烤', 3],
    ]);
    const passages = [
      ...articlePassages('青岛市崂山风景区条例', [
        { text: '第二十七条 风景区实行全年森林防火，禁止烧荒、野炊、烧烤以及其他野外用火。', score: 1 },
      ]),
      ...articlePassages('旅游条例', [
        { text: '第十九条 鼓励单位调整作息，为职工周末休闲度假提供便利。', score: 0.93 },
      ]),
    ];
    const groups = [['周末'], ['崂山'], ['烤', '烧烤']];
    const [best] = scoreSentences('周末去崂山烤点肉吃，行不行？', passages, groups, idf);
    expect(best.text).toContain('禁止烧荒、野炊、烧烤');
    // The sentence itself still names only 烧烤: 崂山 is not among the groups it covers.
    expect(best.covers).toEqual([2]);
  });
});

describe('the rest of the passage orders its sentences', () => {
  const idf = new Map([
    ['私自', 6],
    ['擅自', 6],
    ['排气管', 4],
    ['罚款', 2],
  ]);
  const passages = [
    ...articlePassages('计量条例', [
      {
        text: '第三十六条 计量器具应当定期检定。私自开启计量器具检定封印的，处五百元以上三千元以下罚款。',
        score: 1,
      },
    ]),
    ...articlePassages('机动车改装规定', [
      {
        text: '第四条 不得改动燃油管路、排气管和消音装置。驾驶擅自改装的机动车上道路行驶的，处二百元以上五百元以下罚款。',
        score: 0.97,
      },
    ]),
  ];
  const groups = [['私自', '擅自'], ['排气管'], ['罚款']];
  const question = '开私自改过排气管的车上路，要罚多少钱？';

  it("puts first the fine of the article that names the question's matter one sentence earlier", () => {
    const [best] = scoreSentences(question, passages, groups, idf);
    expect(best.text).toContain('处二百元以上五百元以下罚款');
    // The sentence does not name 排气管: its score does not count it, only its order does.
    expect(best.covers).toEqual([0, 2]);
    expect(best.order).toBeGreaterThan(best.score);
  });

  it('does not lend an item the words of a sibling item: each item is another case', () => {
    const heating = articlePassages('城市管理规定', [
      {
        text:
          '第四十九条 有关单位接到投诉后，应当按照下列规定处理：\n（一）对管道漏水的投诉，必须在一小时内到达现场抢修；\n' +
          '（二）对供热质量的投诉，在采暖期开始后的十日内，必须在五小时内到达现场处理；',
        score: 1,
      },
    ]);
    const weights = new Map([
      ['漏水', 6],
      ['供热', 3],
      ['现场', 3],
      ['投诉', 3],
    ]);
    const scored = scoreSentences(
      '暖气漏水了，打投诉电话，最晚多长时间必须到现场？',
      heating,
      [['漏水'], ['供热'], ['投诉'], ['现场']],
      weights,
    );
    // （二） gets the number bonus (十日), （一） does not (一小时): lent 漏水 by its sibling, （二）
    // would order first although it holds less of the question.
    const items = scored.filter((s) => /^（[一二]）/u.test(s.text));
    expect(items[0].text).toContain('漏水');
    expect(items[1].order).toBe(items[1].score);
    // The lead-in still takes its items' words as its context.
    const lead = scored.find((s) => s.text.startsWith('第四十九条'));
    expect(lead?.order).toBeGreaterThan(lead?.score ?? 0);
  });

  it('orders without letting more sentences join the answer', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    const other = scored.find((s) => s.text.includes('私自开启'));
    // The other law's fine scores more (its passage ranks first): only the order puts it second,
    // so the keep ratio, which compares scores, lets in nothing the order alone would.
    expect(other?.score).toBeGreaterThan(scored[0].score);
    expect(other?.order).toBeLessThan(scored[0].order);
  });
});

describe('a list question asking what is forbidden', () => {
  const idf = new Map([
    ['中介机构', 6],
    ['做法', 3],
  ]);
  const passages = articlePassages('就业促进条例', [
    {
      text: '第三十五条 设立职业中介机构应当具备下列条件：\n（一）有明确的章程和管理制度；\n（二）有不少于十万元的开办资金。',
      score: 1,
    },
    {
      text: '第三十七条 职业中介机构不得有下列行为：\n（一）提供虚假就业信息；\n（二）向劳动者收取押金。',
      score: 0.97,
    },
  ]);
  const groups = [['中介机构'], ['做法']];

  it('leads with the list that forbids, not with another list of the same law', () => {
    const [best] = scoreSentences('中介机构有哪些做法是明令禁止的？', passages, groups, idf);
    expect(best.text).toContain('不得有下列行为');
    // Asked which conditions apply, the conditions lead.
    const [conditions] = scoreSentences(
      '设立中介机构要满足哪些条件？',
      passages,
      [['中介机构'], ['条件']],
      idf,
    );
    expect(conditions.text).toContain('应当具备下列条件');
  });
});

describe('a list question asking which cases', () => {
  const idf = new Map([
    ['设备', 5],
    ['报废', 6],
    ['更新', 4],
    ['情况', 2],
  ]);
  const passages = articlePassages('设备管理条例', [
    {
      text: '第二十八条 企业出租、转让或者报废设备，必须遵守国家有关规定。企业报废设备所取得的收益，必须用于设备的改造和更新。',
      score: 1,
    },
    {
      text: '第二十七条 企业对属于下列情况之一的设备，应当报废更新：\n（一）经过预测，继续大修理后技术性能仍不能满足工艺要求的；\n（二）耗能高、污染严重的。',
      score: 0.95,
    },
  ]);
  const groups = [['设备'], ['报废'], ['更新'], ['情况']];

  it('leads with the sentence announcing the list, not a plain sentence naming the same words', () => {
    const [best] = scoreSentences('生产设备碰到哪些情况就应该报废更新了？', passages, groups, idf);
    expect(best.text).toContain('属于下列情况之一的设备，应当报废更新');
    // Not asked for a list, the article the retriever ranked first leads.
    const [plain] = scoreSentences('报废设备的收益怎么用？', passages, groups, idf);
    expect(plain.text).toContain('必须用于设备的改造和更新');
  });
});

describe('the kind of thing asked picks the sentence', () => {
  it('answers "去哪儿补办" with the office to apply to, not with the article that merely names 补办', () => {
    const idf = new Map([
      ['结婚证', 6],
      ['补办', 4],
      ['补领', 4],
    ]);
    const passages = articlePassages('婚姻登记条例', [
      { text: '第八条 男女双方补办结婚登记的，适用本条例结婚登记的规定。', score: 1 },
      {
        text: '第十七条 结婚证遗失的，当事人可以持户口簿、身份证向原办理婚姻登记的机关申请补领。',
        score: 0.97,
      },
    ]);
    const groups = [
      ['结婚证', '结婚登记'],
      ['补办', '补领'],
    ];
    const [best] = scoreSentences('结婚证找不着了，去哪儿补办？', passages, groups, idf);
    expect(best.text).toContain('向原办理婚姻登记的机关申请补领');
  });
});

describe('the passage that states what was asked anchors the answer', () => {
  const idf = new Map([
    ['档案', 6],
    ['社会保险', 5],
    ['转移', 4],
  ]);
  const groups = [['档案'], ['社会保险', '社保'], ['转移', '转']];
  const passages = [
    ...articlePassages('inspection', [
      {
        text: '第七条 劳动保障行政部门依法查处未办理劳动者档案和社会保险转移手续的行为。',
        score: 1.15,
      },
    ]),
    ...articlePassages('contracts', [
      {
        text: '第三十条 用人单位应当自出具终止劳动合同证明之日起十五日内为劳动者办理档案和社会保险转移手续。',
        score: 1.02,
      },
    ]),
  ];
  const question = '公司一直拖着不给我转社保和档案，有时间要求吗？';
  const asks = (text: string) => answersAskKind(question, text);

  it('moves a close sentence stating the time limit ahead of the article that only names the matter', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    expect(scored[0].text).toContain('依法查处');
    const [first] = anchoredOnAsk(scored, passages, asks);
    expect(first.text).toContain('十五日内');
    const composed = composeFromPassages(passages, anchoredOnAsk(scored, passages, asks), {
      multiPart: false,
    });
    expect(composed?.pieces.map((p) => p.text).join('')).not.toContain('依法查处');
  });

  it('keeps the order when the best passage answers the ask itself or the answering sentence is far behind', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    expect(anchoredOnAsk(scored, passages, () => false)).toEqual(scored);
    expect(anchoredOnAsk(scored, passages, asks, 1)).toEqual(scored);
    const ownAnswer = (text: string) => text.includes('查处') || asks(text);
    expect(anchoredOnAsk(scored, passages, ownAnswer)).toEqual(scored);
  });
});

describe('the retrieval score weighs on the sentence', () => {
  it("a long sentence of a weaker passage that names more question words does not beat the best article's", () => {
    const passages = [
      ...articlePassages('qingdao-driving', [{ text: '第二十二条 学员有权选择教练员。', score: 1.15 }]),
      ...articlePassages('national-licence', [
        {
          text: '第五十九条 公安机关交通管理部门发现驾驶培训机构及其教练员向学员索取财物的，应当通报培训主管部门。',
          score: 0.89,
        },
      ]),
    ];
    const groups = [['驾驶培训'], ['学员'], ['教练员']];
    const [best] = scoreSentences('在驾校学车，学员可以自己挑教练员吗？', passages, groups, IDF);
    expect(best.text).toContain('学员有权选择教练员');
  });
});

describe('a multi-part question', () => {
  const idf = new Map([
    ['居民身份证', 5],
    ['有效期', 4],
    ['拿到', 3],
    ['发放', 3],
  ]);
  const passages = articlePassages('id-card', [
    { text: '第十一条 居民身份证有效期满的，公民应当换领新证。', score: 1 },
    { text: '第三条 居民身份证登记的项目包括姓名、性别、民族。', score: 0.95 },
    { text: '第十二条 公安机关应当自公民提交申领登记表之日起六十日内发放居民身份证。', score: 0.9 },
  ]);
  const groups = [['居民身份证'], ['有效期'], ['拿到', '发放']];
  const question = '居民身份证快到期了，有效期是几年？交了材料后多久能拿到？';
  const holding =
    (...terms: string[]) =>
    (text: string) =>
      terms.some((t) => text.includes(t));
  const parts = [
    { groups: [0, 1], weights: [5, 4], holds: holding('居民身份证', '有效期') },
    {
      groups: [2],
      weights: [3],
      holds: holding('拿到', '发放'),
      states: (text: string) => /[一二三四五六七八九十]+日/.test(text),
    },
  ];

  /** The text the multi-part composition quotes from `passagesNow` for the question's `askParts`. */
  const composedText = (passagesNow: Passage[], askParts: typeof parts) =>
    composeFromPassages(passagesNow, scoreSentences(question, passagesNow, groups, idf), {
      multiPart: true,
      parts: askParts,
    })
      ?.pieces.map((p) => p.text)
      .join('') ?? '';

  it('answers a part the anchor leaves open from the passage that states it', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    const composed = composeFromPassages(passages, scored, { multiPart: true, parts });
    const text = composed?.pieces.map((p) => p.text).join('') ?? '';
    expect(text).toContain('有效期满');
    expect(text).toContain('六十日内发放');
    expect(text).not.toContain('登记的项目');
  });

  it('adds nothing for a part the anchor already answers', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    const answered = [
      parts[0],
      { ...parts[1], holds: () => true, states: (text: string) => text.includes('有效期满') },
    ];
    const composed = composeFromPassages(passages, scored, { multiPart: true, parts: answered });
    expect(composed?.pieces.map((p) => p.text).join('')).not.toContain('六十日内发放');
  });

  it("takes a passage the part's own search found though it names none of the part's words", () => {
    const found = articlePassages('id-card-2', [
      { text: '第十一条 居民身份证有效期满的，公民应当换领新证。', score: 1 },
      { text: '第五条 居民身份证的有效期为十年、二十年。', score: 0.95 },
      { text: '第十二条 公安机关应当自提交登记表之日起六十日内办好居民身份证。', score: 0.5 },
    ]);
    const number = (text: string) => /[一二三四五六七八九十]+[日年]/.test(text);
    const askParts = [
      { ...parts[0], states: number },
      { ...parts[1], states: number },
    ];
    const compose = (passagesNow: Passage[]) => composedText(passagesNow, askParts);
    // 有效期十年 does not answer 多久能拿到, and 第十二条 names neither 拿到 nor 发放 …
    expect(compose(found)).not.toContain('六十日内办好');
    // … unless the part's own search found it.
    const tagged = found.map((p, i) => (i === 2 ? { ...p, why: { ...p.why, askedPart: 1 } } : p));
    expect(compose(tagged)).toContain('六十日内办好');
  });

  it("answers a number part from another of the question's first documents, not from any", () => {
    const number = (text: string) => /[一二三四五六七八九十]+日内/.test(text);
    const askParts = [parts[0], { ...parts[1], states: number }];
    const compose = (passagesNow: Passage[]) => composedText(passagesNow, askParts);
    const anchor = articlePassages('id-card-law', [
      { text: '第十一条 居民身份证有效期满的，公民应当换领新证。', score: 1 },
    ]);
    const local = articlePassages('id-card-local', [
      { text: '第十二条 公安机关应当自提交登记表之日起六十日内发放居民身份证。', score: 0.9 },
    ]);
    const filler = (id: string, score: number) =>
      articlePassages(id, [{ text: '第一条 为了规范管理，制定本办法。', score }]);
    // The local rule is among the first three documents: its sentence answers the part …
    expect(compose([...anchor, ...local, ...filler('other-a', 0.8)])).toContain('六十日内发放');
    // … below them it does not: an answer is not pieced together from far documents.
    const far = [...anchor, ...filler('other-a', 0.95), ...filler('other-b', 0.94), ...local];
    expect(compose(far)).not.toContain('六十日内发放');
  });
});

describe('a part asking for conditions', () => {
  const idf = new Map([
    ['失业保险金', 6],
    ['条件', 2],
    ['领取', 3],
    ['最长', 3],
  ]);
  const passages = articlePassages('unemployment', [
    {
      text: '第四十六条 累计缴费满五年不足十年的，领取失业保险金的期限最长为十八个月。',
      score: 1,
    },
    {
      text: '第四十五条 失业人员符合下列条件的，从失业保险基金中领取失业保险金：\n（一）失业前已经缴纳失业保险费满一年的；\n（二）非因本人意愿中断就业的。',
      score: 0.6,
    },
  ]);
  const groups = [['失业金', '失业保险金'], ['条件'], ['领', '领取'], ['最长']];
  const question = '失业金要满足哪些条件才能领？交了6年最长能领多久？';
  const holding =
    (...terms: string[]) =>
    (text: string) =>
      terms.some((t) => text.includes(t));
  const duration = {
    groups: [0, 2, 3],
    weights: [6, 3, 3],
    holds: holding('失业保险金', '领取', '最长'),
    states: (text: string) => /[一二三四五六七八九十]+个月/.test(text),
  };
  const conditions = { groups: [0, 1, 2], weights: [6, 2, 3], holds: holding('失业保险金', '条件', '领取') };
  const compose = (enumerates: boolean) =>
    composeFromPassages(passages, scoreSentences(question, passages, groups, idf), {
      multiPart: true,
      parts: [{ ...conditions, enumerates }, duration],
    })
      ?.pieces.map((p) => p.text)
      .join('') ?? '';

  it('is answered by the list, not by the sentence that names its words for the other part', () => {
    // Read as any part, the duration sentence holds 失业保险金 and 领取: the conditions go missing …
    expect(compose(false)).not.toContain('符合下列条件');
    // … read as a conditions part, it gets the list and its items.
    const text = compose(true);
    expect(text).toContain('最长为十八个月');
    expect(text).toContain('符合下列条件');
    expect(text).toContain('非因本人意愿中断就业');
  });
});

describe("the citizen's own case among a passage's ranges", () => {
  it('adds the sentence whose range holds the stated value, after its passage, in document order', () => {
    const passages = articlePassages('id-card-3', [
      {
        text: '第五条 居民身份证的有效期为十年、二十年、长期。十六周岁至二十五周岁的，发给有效期十年的居民身份证；二十六周岁至四十五周岁的，发给有效期二十年的居民身份证。',
        score: 1,
      },
      { text: '第十二条 公安机关应当自提交之日起六十日内发放居民身份证。', score: 0.9 },
    ]);
    const [first] = passageSentences(passages[0]);
    const pieces = [
      { passageIndex: 0, ...first },
      { passageIndex: 1, ...passageSentences(passages[1])[0] },
    ];
    const holds30 = (text: string) => /二十六周岁至四十五周岁/.test(text);
    const out = withStatedRanges(passages, pieces, holds30);
    expect(out.map((p) => p.passageIndex)).toEqual([0, 0, 1]);
    expect(out[1].text).toContain('二十六周岁至四十五周岁的，发给有效期二十年');
    // A value no range holds adds nothing.
    expect(withStatedRanges(passages, pieces, () => false)).toEqual(pieces);
  });
});

describe('an article of a few hundred characters', () => {
  // 第三十条 of a city greening rule (330 characters): the case the asker describes (严重影响居民
  // 采光、通风) is an item of a list whose lead shares no word with the question.
  const article = [
    '第三十条 任何单位和个人不得擅自迁移、砍伐树木。',
    '因下列情形需要迁移树木的，应当向城市园林绿化行政主管部门提出申请：',
    '（一）城市建设需要；',
    '（二）严重影响居民采光、通风；',
    '（三）存在安全隐患，可能造成人身伤害或者财产损失。',
    '经批准迁移树木的，应当移植于城市园林绿化行政主管部门确认的城市绿地，并在迁移树木旁设置标志。树木迁移后一年内未成活的，申请人应当补植相应的树木或者按照规定缴纳树木补偿费。',
    '对应予迁移而确无迁移价值的树木，可以向城市园林绿化行政主管部门申请砍伐。经批准砍伐树木的，申请人应当按照规定缴纳树木补偿费。',
    '因抢险救灾需要，有关部门或者单位可以先行修剪、迁移或者砍伐树木，但应当在险情排除后五日内到城市园林绿化行政主管部门补办相关手续。',
  ].join('\n');
  const groups = [['树木'], ['砍伐']];
  const idf = new Map([
    ['树木', 6],
    ['砍伐', 7],
  ]);
  const question = '窗前的树木挡光，能不能自己找人砍伐？';
  const quoted = (text: string) => {
    const passages = articlePassages('greening', [{ text, score: 1 }]);
    const scored = scoreSentences(question, passages, groups, idf);
    const composed = composeFromPassages(passages, scored, { multiPart: false });
    return composed?.pieces.map((p) => p.text).join('') ?? '';
  };

  it('is quoted whole, so the cases it lists stay with the rule', () => {
    expect(article.length).toBeGreaterThan(320);
    expect(article.length).toBeLessThanOrEqual(WHOLE_ARTICLE_MAX_CHARS);
    const text = quoted(article);
    expect(text).toContain('不得擅自迁移、砍伐树木');
    expect(text).toContain('（二）严重影响居民采光、通风；');
  });

  it('a longer one still gives only the sentences that answer', () => {
    const long = `${article}\n${'树木养护单位应当按照技术规范做好修剪、施肥、浇水和病虫害防治工作。'.repeat(3)}`;
    expect(long.length).toBeGreaterThan(WHOLE_ARTICLE_MAX_CHARS);
    const text = quoted(long);
    expect(text).toContain('砍伐');
    expect(text).not.toContain('病虫害防治');
  });
});
