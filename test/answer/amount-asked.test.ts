import { describe, expect, it } from 'vitest';
import { numberLead } from '../../src/answer/compose-lead.js';
import { anchoredOnAsk, scoreSentences, statesAmountAsked } from '../../src/answer/extractive-selection.js';
import { allPhrases, askedUnits, statesAmountOf } from '../../src/answer/number-phrases.js';
import { articlePassages } from '../fakes/article-passages.js';

describe('an amount stated right after what it counts', () => {
  it('reads 年休假5天, not a formula two clauses away nor an amount in another unit', () => {
    const days = askedUnits('年假有几天？');
    expect(days).toEqual(['天', '日']);
    expect(statesAmountOf('职工累计工作已满1年不满10年的，年休假5天；', ['年休假'], days)).toBe(true);
    const formula =
      '应休未休年休假天数的折算方法为：（当年度在本单位已过日历天数÷365天）×职工本人全年应当享受的天数';
    expect(statesAmountOf(formula, ['年休假'], days)).toBe(false);
    expect(statesAmountOf('年休假在1个年度内可以集中安排', ['年休假'], days)).toBe(false);
    expect(
      statesAmountOf('采暖期内用户室内供热温度不得低于18℃', ['温度'], askedUnits('最低得保证多少度？')),
    ).toBe(true);
  });

  it('reads 几分 as points: the lead is in 分, not the 三个 of another clause', () => {
    expect(askedUnits('一个记分周期最多能减几分？')).toEqual(['分']);
    const sentence = '在最近三个记分周期内有逃逸记录的，不予受理；在一个记分周期内累计最高扣减6分。';
    expect(numberLead('一个记分周期最多能减几分？', sentence)).toBe('6分');
    expect(
      numberLead('一个记分周期最多能减几分？', '在最近三个记分周期内有逃逸记录的，不予受理。'),
    ).toBeUndefined();
    // 几分钟 and 几分之几 stay what they were.
    expect(askedUnits('要等几分钟？')).toEqual(['分钟']);
  });

  it('reads a share written out as an amount, and leads a share asked with it', () => {
    const sentence =
      '业主大会会议由业主委员会负责召集，每年至少召开一次；有百分之二十以上业主提议的，应当召集临时会议。';
    expect(allPhrases(sentence)).toEqual(['一次', '百分之二十以上']);
    expect(allPhrases('经专有部分面积占比三分之二以上的业主同意')).toEqual(['三分之二以上']);
    // 多少比例 and a count of the parties who consent ask a share: not the 一次 of another clause.
    const q = '开业主大会临时会议需要多少比例的业主提议？';
    expect(askedUnits(q)).toEqual(['分之', '%', '％']);
    expect(numberLead(q, sentence)).toBe('百分之二十以上');
    expect(askedUnits('一个单元得有多少户同意才能申请供暖？')).toEqual(['分之', '%', '％']);
    expect(numberLead('成活率最低要达到几成？', '单位义务植树的当年成活率不得低于百分之八十五。')).toBe(
      '百分之八十五',
    );
    // A count of people asked without consent stays a count.
    expect(askedUnits('审查小组里专家至少要几个人？')).toEqual(['个', '人', '名', '位']);
  });

  it('reads the measure words of things counted (只, 吨, 张, 件, 分贝) as units', () => {
    expect(allPhrases('昼间五十五分贝，夜间四十五分贝')).toEqual(['五十五分贝', '四十五分贝']);
    expect(numberLead('一户能养几只狗？', '在重点管理区内，每户限养一只犬。')).toBe('一只');
    expect(numberLead('累计运送物资多少吨？', '累计运送疫情防控物资设备967批次、1294吨。')).toBe('1294吨');
    expect(numberLead('已经开放了多少张床位？', '定点医疗机构床位为9500余张，两院共有床位2600张。')).toBe(
      '2600张',
    );
    // 多少件 is not answered by the 16条 of the measures the calls were about.
    expect(numberLead('热线共受理涉及16条措施的咨询多少件？', '北京市出台16条措施。')).toBeUndefined();
  });

  it('reads 几个小时 and 几个月 by their unit, not as a count of 个', () => {
    expect(askedUnits('国家规定一天上几个小时班？')).toEqual(['小时']);
    expect(numberLead('国家规定一天上几个小时班？', '职工每日工作8小时，每周工作40小时。')).toBe('8小时');
    expect(askedUnits('社保要交满几个月？')).toEqual(['月']);
  });

  it('leads a sum received or lent with money, never with the time limit of the decision', () => {
    expect(askedUnits('公积金贷款最多能贷多少？')).toEqual(['元', '%', '％']);
    expect(askedUnits('最高能贷多少万？')).toEqual(['元', '%', '％']);
    const decision = '住房公积金管理中心应当自受理申请之日起15日内作出准予贷款或者不准贷款的决定。';
    expect(numberLead('公积金贷款最多能贷多少？', decision)).toBeUndefined();
    expect(numberLead('公积金贷款最多能贷多少？', '个人贷款额度最高为60万元。')).toBe('60万元');
    // Not a sum: 领几个月 counts months.
    expect(askedUnits('失业金能领几个月？')).toEqual(['月']);
  });

  it('asks it of a count or an amount, not of a span', () => {
    const groups = [['年假', '带薪年休假', '年休假']];
    const states = statesAmountAsked('年假有几天？', groups);
    expect(states?.('职工累计工作已满1年不满10年的，年休假5天。')).toBe(true);
    expect(states?.('年休假一般不跨年度安排。')).toBe(false);
    // 提前多久 is a span: rules state deadlines in other words, which the ask kinds read.
    expect(statesAmountAsked('停水得提前多久通知？', [['停水', '停止供水'], ['提前']])).toBeUndefined();
    expect(statesAmountAsked('年假怎么安排？', groups)).toBeUndefined();
  });
});

/**
 * The two articles as the demo corpus holds them, scored as its index ranks them for "年假有几天"
 * (the conversion formula first, 1.000; the regulation's days fifth, 0.979; measured 2026-12-02).
 */
describe('a count asked anchors the answer on the sentence that states it', () => {
  const question = '年假有几天？';
  const groups = [['年假', '带薪年休假', '年休假']];
  const idf = new Map([
    ['年假', 9],
    ['带薪年休假', 8],
    ['年休假', 7],
  ]);
  const passages = [
    ...articlePassages('rules', [
      {
        text: '第十二条 用人单位与职工解除或者终止劳动合同时，当年度未安排职工休满应休年休假的，应当按照职工当年已工作时间折算应休未休年休假天数。前款规定的折算方法为：（当年度在本单位已过日历天数÷365天）×职工本人全年应当享受的年休假天数－当年度已安排年休假天数。',
        score: 1,
      },
    ]),
    ...articlePassages('regulation', [
      {
        text: '第三条 职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天；已满20年的，年休假15天。',
        score: 0.979,
      },
    ]),
  ];

  it('leads with 5天 from 年休假5天, not with the 365天 of the conversion', () => {
    const scored = scoreSentences(question, passages, groups, idf);
    expect(scored[0].passageIndex).toBe(0);
    // The rules' article alone would lead with the divisor of its formula.
    const formula = scored.find((s) => s.text.includes('÷365天'));
    expect(formula && numberLead(question, formula.text)).toBe('365天');
    const states = statesAmountAsked(question, groups);
    const [first] = anchoredOnAsk(scored, passages, (text) => states?.(text) ?? false);
    expect(first.text).toContain('年休假5天');
    expect(numberLead(question, first.text)).toBe('5天');
  });
});
