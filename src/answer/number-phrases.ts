import { CONSENT_ACTS } from '../retrieve/query-terms.js';

/*
 * How a text states an amount: a number with its measure word, a range of two, a period of dates
 * ("二百元以上一千元以下", "三至五棵", "1月1日至6月30日"). The leads of compose-lead.ts are read from them.
 */

/** A number, not an ordinal: the 十六 of 第十六条 or 第3款 is a label, not a quantity. */
const NUM = String.raw`(?<![第\d.零〇一二两三四五六七八九十百千])(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;
const MAGNITUDE = '(?:万|亿|千|百)?';
const UNIT =
  '(?:个工作日|工作日|个月|个小时|周岁|岁|平方公里|平方米|毫升|公斤|千克|小时|分钟|分(?![之钟贝])|分贝|万元|亿元|元|个|项|家|处|条|年(?!度)|月|日|天|周|次|架|棵|人|名|公里|千米|厘米|米|倍|时|摄氏度|℃|%|％|‰|只|头|辆|台|套|间|层|吨|亩|公顷|份|张|件|所|座)';
const BOUND = '(?:以上|以下|以内|左右|之内)?';
const AMOUNT = `${NUM}${MAGNITUDE}${UNIT}${BOUND}`;
/**
 * An amount, or a range of two: "二百元以上一千元以下", "三至五棵", "12%以上", a share written out
 * ("百分之六十以上", "三分之二以上"), and dates whose parts are amounts: "1月1日至6月30日",
 * "十二月一日至次年三月三十一日" (a period asked is answered whole).
 */
const SHARE = String.raw`(?:百分之|千分之|[二三四五六七八九十]分之)(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:以上|以下|以内|左右)?`;
const NUMBER_PHRASES = new RegExp(
  `${SHARE}|${NUM}${MAGNITUDE}(?:${UNIT})?(?:至|到|-|—|～|~)${AMOUNT}|${AMOUNT}(?:${AMOUNT})?(?:(?:至|到)(?:次年)?${AMOUNT}(?:${AMOUNT})?)?`,
  'gu',
);

/** Every number phrase of a text, in order. */
export function allPhrases(text: string): string[] {
  return phraseMatches(text).map((m) => m[0]);
}

/** Every number phrase of a text with its position, in order. */
export function phraseMatches(text: string): RegExpExecArray[] {
  return [...text.matchAll(NUMBER_PHRASES)];
}

/** What may stand between a quantity and its amount: a few characters, no clause break. */
const CLAUSE_BREAK = /[，。；：、,.;:！？!?\n]/u;

/**
 * Whether a text states an amount right after one of the terms naming the asked quantity, within
 * `within` characters of the same clause: "年休假5天" and "基站数达4.5万个" state it, while the
 * "÷365天" of a conversion formula two clauses after 年休假 does not. With `units` (天, 日 for 几天)
 * the amount is in one of them: "年休假在1个年度内" states no number of days.
 */
export function statesAmountOf(
  text: string,
  terms: readonly string[],
  units?: readonly string[],
  within = 6,
): boolean {
  for (const m of phraseMatches(text)) {
    if (units && !units.some((u) => m[0].includes(u))) continue;
    const before = text.slice(0, m.index);
    for (const term of terms) {
      const at = before.lastIndexOf(term);
      if (at < 0) continue;
      const gap = before.slice(at + term.length);
      if (gap.length <= within && !CLAUSE_BREAK.test(gap)) return true;
    }
  }
  return false;
}

/** The measure word a number question names: 项 in 多少项, 天 in 几天, 元 in 多少钱. */
export const ASKED_UNIT =
  /(?:多少|几)(个工作日|工作日|个月|个小时|周岁|岁|毫升|公斤|小时|分钟|分贝|分(?![之钟贝])|万元|元|钱|块|个|项|家|处|条|年|月|日|天|次|架|棵|人|名|公里|平方米|米|倍|度|只|头|辆|台|套|间|层|吨|亩|份|张|件)/u;

/** Units a text may state an asked unit in: 几天 is answered by 三十日. */
const SAME_UNIT: Readonly<Record<string, string[]>> = {
  天: ['天', '日'],
  日: ['日', '天'],
  个工作日: ['工作日'],
  个月: ['月'],
  个小时: ['小时'],
  // People are counted in 人, 名 or 位 as well as 个: 几个学员 is answered by 不得超过六人.
  个: ['个', '人', '名', '位'],
  人: ['人', '名', '位'],
  名: ['名', '人', '位'],
  // 多少钱, 几块钱: an amount of money, in 元 (万元 included). A price is not a share: "暖气费多少钱
  // 一平" is not answered by the 20% a refund standard states (a sum paid back may be: SUM_ASK).
  钱: ['元'],
  块: ['元'],
  公里: ['公里', '千米'],
  // 多少度 asks a temperature: 二十六摄氏度, 18℃.
  度: ['摄氏度', '℃'],
};

/** A sum paid back, received or lent is stated in 元 or as a share of a fee (退还热费的50%). */
const SUM_UNITS = ['元', '%', '％'];

/**
 * A sum paid back, paid out, received or lent asked without its unit: 退多少, 能赔多少, 补多少, 报销
 * 多少, 能领多少 (失业金), 最多能贷多少, 多少万. It is money or a share of it (SUM_UNITS), never the
 * temperature, the date of the case or the time limit of the decision (…十五日内作出准予贷款的决定).
 */
export const SUM_ASK =
  /(?:退|赔|补|报销|返还|领|贷|借)(?:多少|几)(?![个项家人名天日年月次岁度周分小])|多少万(?![人个名家户平次])/u;

/**
 * A share asked: 多少比例, 占比多少, 几成 — or a count of the parties who must consent (多少户同意,
 * 几名业主联名), which rules state as a share of all of them ("户数达到单元总户数百分之六十以上").
 */
const SHARE_ASK = new RegExp(
  `(?:比例|比重|占比)[^，。？！?]{0,6}(?:多少|几)|(?:多少|几)(?:成|比例|比重)|(?:多少|几)[户人名位家][^，。？！?]{0,4}(?:${CONSENT_ACTS})`,
  'u',
);
/** A share is stated as one: 百分之六十, 三分之二, 60%. */
const SHARE_UNITS = ['分之', '%', '％'];

/** The units an amount may be stated in for the unit a question names (几天 → 天, 日), if it names one. */
export function askedUnits(question: string): string[] | undefined {
  if (SHARE_ASK.test(question)) return SHARE_UNITS;
  const asked = ASKED_UNIT.exec(question)?.[1];
  const sum = SUM_ASK.test(question);
  if (asked && !(asked === '钱' && sum)) return SAME_UNIT[asked] ?? [asked];
  return sum ? SUM_UNITS : undefined;
}
