import { parseChineseNumber } from '../text/chinese-numerals.js';

/** Measure words that name the same quantity: 七天 and 七日 are one span. */
const UNIT_FAMILY: Readonly<Record<string, string>> = {
  日: '天',
  个工作日: '工作日',
  个小时: '小时',
  个月: '月',
  岁: '周岁',
  块: '元',
  千米: '公里',
  '℃': '摄氏度',
};

/** A single amount: a number and its measure word (七天, 15度, 三十日), not a range. */
const SINGLE_AMOUNT =
  /^(\d+|[零〇一二两三四五六七八九十百千万]+)(个工作日|工作日|个小时|小时|个月|周岁|岁|天|日|月|年|元|块|公里|千米|摄氏度|℃)$/u;

/**
 * The amount a phrase states, as a key that equal amounts share whatever their wording (七天 and
 * 七日 → "7天"), or undefined for a range or a phrase that is not a single amount. Pure.
 */
export function amountKey(phrase: string): string | undefined {
  const m = SINGLE_AMOUNT.exec(phrase);
  if (!m) return undefined;
  const value = parseChineseNumber(m[1]);
  if (value === undefined) return undefined;
  return `${value}${UNIT_FAMILY[m[2]] ?? m[2]}`;
}
