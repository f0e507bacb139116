/*
 * How a text states an amount: a number with its measure word, a range of two, a period of dates
 * ("二百元以上一千元以下", "三至五棵", "1月1日至6月30日"). The leads of compose-lead.ts are read from them.
 */

/** A number, not an ordinal: the 十六 of 第十六条 or 第3款 is a label, not a quantity. */
const NUM = String.raw`(?<![第\d.零〇一二两三四五六七八九十百千])(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;
const MAGNITUDE = '(?:万|亿|千|百)?';
const UNIT =
  '(?:个工作日|工作日|个月|个小时|周岁|岁|平方米|毫升|公斤|千克|小时|分钟|万元|亿元|元|个|项|家|处|条|年(?!度)|月|日|天|周|次|架|棵|人|名|公里|千米|米|倍|时|摄氏度|℃|%|％|‰)';
const BOUND = '(?:以上|以下|以内|左右|之内)?';
const AMOUNT = `${NUM}${MAGNITUDE}${UNIT}${BOUND}`;
/**
 * An amount, or a range of two: "二百元以上一千元以下", "三至五棵", "12%以上", and dates whose parts
 * are amounts: "1月1日至6月30日", "十二月一日至次年三月三十一日" (a period asked is answered whole).
 */
const NUMBER_PHRASES = new RegExp(
  `${NUM}${MAGNITUDE}(?:${UNIT})?(?:至|到|-|—|～|~)${AMOUNT}|${AMOUNT}(?:${AMOUNT})?(?:(?:至|到)(?:次年)?${AMOUNT}(?:${AMOUNT})?)?`,
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
