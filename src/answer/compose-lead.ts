import { FINE_CLAUSE } from '../retrieve/money-asks.js';
import { asksAge, asksForNumber } from '../retrieve/query-terms.js';
import { splitClauses } from '../text/sentences.js';
import { asksBoundedSpan, asksDuration, asksPenalty, BOUNDED_SPAN } from './ask-kinds.js';
import { allPhrases, askedUnits, phraseMatches } from './number-phrases.js';
import { amountKey } from './own-amounts.js';
import {
  ADVANCE_AFTER,
  ADVANCE_ASK,
  ADVANCE_BEFORE,
  CLOCK_ASK,
  CLOCK_TIME,
  CONDITION_THRESHOLD,
  DATE_ASK,
  DATE_OR_TIME,
  FREQUENCY_ASK,
  FREQUENCY_PHRASE,
  namesOtherPeriod,
  PERIOD_STATED,
  RELATIVE_DEADLINE,
  TIME_UNIT,
  WAGES_AFTER,
} from './time-phrases.js';

/**
 * The direct fact an answer leads with: a number question starts with the number ("4.5万个"),
 * read from the best sentence, never invented. Undefined when the sentence does not say it plainly;
 * the quote then stands alone. The yes/no lead (可以/不可以, 需要/不需要) is in yes-no-lead.ts.
 */

/**
 * The number phrase a number question asks for, from the best sentence: in the clause that holds
 * the asked quantity (e.g. 基站 in "5G基站建到多少个") or else the first clause with a number.
 */
export function numberLead(question: string, sentence: string, quantity?: string[]): string | undefined {
  if (!asksForNumber(question)) return undefined;
  // 多久查一次 asks how often: 每年进行一次 answers it; a date or a span (2013年4月, 三十日) does not.
  if (FREQUENCY_ASK.test(question)) return FREQUENCY_PHRASE.exec(sentence)?.[0];
  // 多久, 多长时间 ask a span of time: 两倍 or 五米 does not answer them.
  const duration = asksDuration(question);
  // 几点 asks a time of day: 二十二时 or 6点 answers it; 十五分钟 or 一小时 (a span) does not.
  const clock = CLOCK_ASK.test(question);
  // An age asked (几岁, 退休年龄是多少) is answered by an age: 十六周岁, not the 五年 of "距退休年龄不到五年".
  const age = asksAge(question);
  // 什么时候, 哪天 ask a date or a time: 十一月十六日 answers them, 18℃ or 五百元 does not.
  const when = !duration && !clock && DATE_ASK.test(question);
  // 提前多久 asks an advance: 提前七日 or 期满六十日前 answers it, 十个工作日内核实 does not.
  const advance = ADVANCE_ASK.test(question);
  // An amount the citizen states ("申请七天无理由退货…拖过多少天") is not what they ask: 七日 is no lead.
  const own = new Set(allPhrases(question).map(amountKey));
  own.delete(undefined);
  const phrases = (text: string) =>
    phraseMatches(text)
      .filter(
        (m) =>
          (!duration || (TIME_UNIT.test(m[0]) && !WAGES_AFTER.test(text.slice(m.index + m[0].length)))) &&
          (!clock || CLOCK_TIME.test(m[0])) &&
          (!age || /岁/u.test(m[0])) &&
          (!when || DATE_OR_TIME.test(m[0]) || RELATIVE_DEADLINE.test(text.slice(m.index + m[0].length))) &&
          (!advance ||
            ADVANCE_BEFORE.test(text.slice(0, m.index)) ||
            ADVANCE_AFTER.test(text.slice(m.index + m[0].length))) &&
          !own.has(amountKey(m[0])),
      )
      .map((m) => m[0]);
  const units = askedUnits(question);
  const inUnit = (p: string) => units?.some((u) => p.includes(u)) ?? false;
  // 多少钱 of a fee, a price or an allowance is not answered by a fine (处…元罚款), unless it asks one.
  const noFines = units?.includes('元') === true && !asksPenalty(question);
  const clauses = splitClauses(sentence)
    .map((s) => sentence.slice(s.start, s.end))
    .filter((c) => !(noFines && FINE_CLAUSE.test(c)));
  const withNumber = clauses.filter((c) => phrases(c).length > 0);
  if (withNumber.length === 0) return undefined;
  // 几年 is not answered by 十六周岁: a sentence with no amount in the asked unit gives no lead.
  if (units && !withNumber.some((c) => phrases(c).some(inUnit))) return undefined;
  const named = quantity ? withNumber.find((c) => quantity.some((q) => c.includes(q))) : undefined;
  // A span asked is the one a bound states (…期限最长为12个月), not the condition before it
  // (满1年不足5年的) — unless the bound is of a period the question does not name: 试用期不得超过
  // 二个月 does not answer "合同期限多久".
  // The period is read in the bound's own clause: in "劳动合同期限三个月以上不满一年的，试用期不得超过一个月"
  // the 合同期限 is the condition's, and 试用期 is what "试用期最长能定多久" asks.
  const bounded = duration
    ? withNumber.find((c) => BOUNDED_SPAN.test(c) && !namesOtherPeriod(c, question))
    : undefined;
  // 最长能定几年 is answered by a bound (一般不超过五年) or a stated period (有效期限为…八年), not by the
  // threshold of a condition (执行期限超过三年的) or a plan's span (三年事业发展中期规划).
  const candidates =
    !bounded && asksBoundedSpan(question)
      ? withNumber.filter((c) =>
          phrases(c).some((p) => {
            const before = c.slice(0, c.indexOf(p));
            return PERIOD_STATED.test(before) && !CONDITION_THRESHOLD.test(before);
          }),
        )
      : withNumber;
  if (candidates.length === 0) return undefined;
  const withUnit = units ? candidates.find((c) => phrases(c).some(inUnit)) : undefined;
  const clause = named ?? bounded ?? withUnit ?? candidates[0];
  const found = phrases(clause);
  const bound = duration ? BOUNDED_SPAN.exec(clause) : null;
  if (bound) {
    const stated = found.find((p) => clause.indexOf(p, bound.index) >= 0 && bound[1].includes(p));
    if (stated) return stated;
  }
  if (units) {
    const sameUnit = found.find(inUnit);
    if (sameUnit) return sameUnit;
  }
  // The amount that belongs to the asked quantity: right after it ("基站数达4.5万个", not the 5
  // of 5G) or, when the quantity is the counted noun, right before it ("54项任务").
  const at = quantity?.map((q) => clause.indexOf(q)).find((i) => i >= 0);
  if (at !== undefined && at >= 0) {
    const after = phrases(clause.slice(at))[0];
    if (after) return after;
    const before = found.filter((p) => {
      const i = clause.lastIndexOf(p, at);
      return i >= 0 && i + p.length <= at;
    });
    if (before.length > 0) return before[before.length - 1];
  }
  return found[0];
}
