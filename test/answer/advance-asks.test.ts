import { describe, expect, it } from 'vitest';
import { answersAskKind } from '../../src/answer/ask-kinds.js';
import { numberLead } from '../../src/answer/compose-lead.js';
import { composeFromPassages } from '../../src/answer/compose-passage.js';
import { scoreSentences } from '../../src/answer/extractive-selection.js';
import { askedPart, askingParts } from '../../src/answer/question-asks.js';
import { quantityFactor } from '../../src/retrieve/coverage-factors.js';
import { askedQuantity } from '../../src/retrieve/query-terms.js';
import { termWeights } from '../../src/retrieve/relevance.js';
import { articlePassages } from '../fakes/article-passages.js';

describe('how far in advance, answered by an advance', () => {
  const asked = '正式供水前得提前多久去区里报备';

  it('reads 提前N and N前 as an advance, and a time limit (N日内) as none', () => {
    expect(numberLead(asked, '供水单位应当在实施供水一个月前，向区（市）水行政主管部门备案。')).toBe(
      '一个月',
    );
    expect(numberLead('停水要提前多久通知', '供水企业应当提前二十四小时通知用户。')).toBe('二十四小时');
    expect(numberLead('公示要提前几天贴出来', '应当在交付使用前五日，在交付现场公示。')).toBe('五日');
    expect(numberLead(asked, '区（市）水行政主管部门应当在十个工作日内对备案内容进行核实。')).toBeUndefined();
  });

  it('lets a rule naming the advance without 提前 state the asked quantity (日前, 小时前)', () => {
    const quantity = askedQuantity(asked, [['供水'], ['提前'], ['区'], ['报备', '备案']]);
    expect(quantity).toContain('提前');
    expect(quantityFactor(quantity, '供水单位应当在实施供水一个月前，向区（市）水行政主管部门备案。')).toBe(
      1,
    );
    expect(quantityFactor(quantity, '应当在停止供水四十八小时前通知用户。')).toBe(1);
    expect(quantityFactor(quantity, '应当在十个工作日内对备案内容进行核实。')).toBeLessThan(1);
  });

  it('counts an advance, in the unit asked, as answering the ask, and a time limit not', () => {
    expect(answersAskKind('物业要提前多久通知停水', '应当在停止供水四十八小时前通知用户。')).toBe(true);
    expect(answersAskKind('物业要提前多久通知停水', '应当在十个工作日内作出答复。')).toBe(false);
    expect(answersAskKind('得提前多少天告诉大家', '需要暂停供应的，必须提前24小时通知用户。')).toBe(false);
    expect(answersAskKind('得提前多少天告诉大家', '需要暂时停止开放的，应当提前七日向社会公告。')).toBe(true);
    // A plain how-long ask keeps its time limit.
    expect(answersAskKind('区里多长时间给核实', '应当在十个工作日内对备案内容进行核实。')).toBe(true);
  });

  it('leaves a plain how-long ask to its time limit', () => {
    expect(
      numberLead('区里多长时间给核实', '区（市）水行政主管部门应当在十个工作日内对备案内容进行核实。'),
    ).toBe('十个工作日');
  });
});

/**
 * One long article (longer than what is quoted whole) whose two sentences state the two numbers
 * asked, the time limit scoring first (as the Qingdao index scores them, 2026-12-03).
 */
describe('two number parts stated by two sentences of one article', () => {
  const filler = '普及饮用水卫生知识，引导村民节约用水、保护水源'.repeat(15);
  const passages = articlePassages('water', [
    {
      text: `第二十条 乡镇人民政府应当组织开展农村饮水安全宣传教育，${filler}。供水单位应当在实施供水一个月前，向区（市）水行政主管部门备案。区（市）水行政主管部门应当在十个工作日内对备案内容进行核实，发现存在问题的，应当书面告知供水单位进行整改。`,
      score: 1,
    },
  ]);
  const groups = [['供水'], ['区'], ['备案', '报备'], ['核实']];
  const idf = new Map([
    ['供水', 4],
    ['区', 2],
    ['备案', 4],
    ['报备', 6],
    ['核实', 12],
  ]);
  const question = '正式供水前得提前多久去区里报备？区里多长时间给核实？';

  it('gives the advance part the sentence of the anchor passage that states an advance', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    expect(scored[0].text).toContain('十个工作日内');
    const parts = askingParts(question);
    const weights = termWeights(groups, idf);
    const composition = composeFromPassages(passages, scored, {
      multiPart: true,
      parts: parts.map((part) => askedPart(part, groups, weights)),
    });
    const quoted = composition?.pieces.map((p) => p.text) ?? [];
    const advance = quoted.findIndex((t) => t.includes('一个月前'));
    const limit = quoted.findIndex((t) => t.includes('十个工作日内对备案内容进行核实'));
    // Both quoted, in the article's order.
    expect(advance).toBeGreaterThanOrEqual(0);
    expect(limit).toBeGreaterThan(advance);
    expect(composition?.answeredParts.get(0)?.text).toContain('一个月前');
  });
});

describe('a part asking how long, searched by the lexicon words of its ask', () => {
  const groups = [['公司'], ['员工', '职工'], ['多长时间', '期限', '时限'], ['公积金', '住房公积金']];
  const weights = [1, 2, 3, 4];

  it('is not answered by a sentence that holds only the ask word (期限 of another matter)', () => {
    const part = askedPart('招了员工以后多长时间内要给他们办公积金', groups, weights);
    expect(part.groups).toEqual([1, 3]);
    expect(part.holds('工资专项集体合同期限一般为一年，最长不超过三年。')).toBe(false);
    expect(part.holds('单位录用职工的，应当自录用之日起30日内办理住房公积金缴存登记。')).toBe(true);
  });

  it('keeps the ask group when the part names nothing else', () => {
    const part = askedPart('期限是多长时间', groups, weights);
    expect(part.groups).toEqual([2]);
  });
});

/**
 * Two articles of one law as the Qingdao index ranks them for "刚领到营业执照…税务登记最晚要在多少天内
 * 去办？" (2026-12-03): the deregistration article first, naming 营业执照 in another sentence than its
 * 15日, the registration article second with 自领取营业执照之日起30日内.
 */
describe("a sentence's own words weigh more than its article's", () => {
  const passages = articlePassages('tax-rules', [
    {
      text: '第十五条 纳税人发生解散、破产、撤销以及其他情形，依法终止纳税义务的，应当在向工商行政管理机关或者其他机关办理注销登记前，持有关证件向原税务登记机关申报办理注销税务登记；按照规定不需要在工商行政管理机关或者其他机关办理注册登记的，应当自有关机关批准或者宣告终止之日起15日内，持有关证件向原税务登记机关申报办理注销税务登记。纳税人被工商行政管理机关吊销营业执照或者被其他机关予以撤销登记的，应当自营业执照被吊销或者被撤销登记之日起15日内，向原税务登记机关申报办理注销税务登记。',
      score: 1,
    },
    {
      text: '第十二条 从事生产、经营的纳税人应当自领取营业执照之日起30日内，向生产、经营地或者纳税义务发生地的主管税务机关申报办理税务登记，如实填写税务登记表，并按照税务机关的要求提供有关证件、资料。',
      score: 0.935,
    },
  ]);
  const groups = [
    ['营业执照', '执照'],
    ['准备'],
    ['饭馆'],
    ['税务'],
    ['登记'],
    ['多少天', '日内', '工作日', '期限'],
  ];
  const idf = new Map([
    ['营业执照', 5],
    ['执照', 4.9],
    ['准备', 5.3],
    ['饭馆', 10.5],
    ['税务', 3.9],
    ['登记', 2.8],
    ['多少天', 10.5],
    ['日内', 4.3],
    ['工作日', 5.2],
    ['期限', 3.4],
  ]);

  it('answers the time limit from the registration, not the 15 days of a deregistration', () => {
    const scored = scoreSentences(
      '刚领到营业执照准备开个小饭馆，税务登记最晚要在多少天内去办？',
      passages,
      groups,
      idf,
    );
    expect(scored[0].text).toContain('自领取营业执照之日起30日内');
  });
});
