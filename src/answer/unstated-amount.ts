import { withoutIdleJi } from '../retrieve/query-terms.js';
import { asksDuration } from './ask-kinds.js';
import { ASKED_UNIT, allPhrases, askedUnits, SUM_ASK } from './number-phrases.js';

/*
 * A question that asks only for an amount in a unit — a sum (多少钱, or asked by its verb: 能领多少,
 * 最多能贷多少, 多少万), a period counted in days, months or years (几个月, 几年), an age, points
 * (几分) — is not answered by a quote that states no amount in that unit. "每人每月能涨多少钱" over an
 * article on withheld pensions, "人才落户要求交满几个月社保" over one on talent services, "子女教育专项
 * 附加扣除每个月能扣多少钱" over the tax authority's data sharing: each quote names the question's
 * words and states no figure, and the citizen asked for the figure. The answer is a refusal that says
 * the figure is not stated, with the referral (referral.ts).
 */

/**
 * Units whose asked amount a quote must state: money, counted time, age and points. Not the counts
 * of things (几条狗 is answered by 每户限养一只, in another measure word), not 块 (几块 may be pieces:
 * 捡几块石头), and not a duration asked without a unit (多长时间, answered by 九十日 or 三日内).
 */
const MEASURED = new Set([
  '钱',
  '元',
  '万元',
  '天',
  '日',
  '个工作日',
  '工作日',
  '个月',
  '月',
  '年',
  '个小时',
  '小时',
  '分钟',
  '分',
  '周岁',
  '岁',
]);

/** The asked unit's forms (天 → 天, 日), when the question asks only a measured amount; else undefined. */
function measuredUnits(question: string): string[] | undefined {
  // 好几个月 or 捡几块 set the scene; a list (哪几年) or a span (多长时间) asks something else.
  const asking = withoutIdleJi(question);
  if (/哪几/u.test(asking) || asksDuration(asking)) return undefined;
  const asked = ASKED_UNIT.exec(asking)?.[1];
  if (asked) return MEASURED.has(asked) ? askedUnits(asking) : undefined;
  return SUM_ASK.test(asking) ? askedUnits(asking) : undefined;
}

/**
 * Whether `quoted` (the text an answer quotes) states no amount in the unit a one-part question
 * asks, for a question asking a measured amount (MEASURED). Pure.
 */
export function amountUnstated(question: string, quoted: string): boolean {
  const units = measuredUnits(question);
  if (!units) return false;
  return !allPhrases(quoted).some((phrase) => units.some((unit) => phrase.includes(unit)));
}
