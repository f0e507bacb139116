import type { Span } from '../domain.js';
import { askedQuantity, asksForNumber } from '../retrieve/query-terms.js';
import {
  holdingRangeWidth,
  type StatedValue,
  statedRanges,
  statedValues,
  statesRangeHolding,
  withoutRangeBounds,
} from '../retrieve/stated-values.js';
import { textHolds } from '../text/all-of-terms.js';
import { normaliseForIndex } from '../text/normalise.js';
import { splitClauses } from '../text/sentences.js';
import { asksPenalty } from './ask-kinds.js';
import { numberLead } from './compose-lead.js';
import { ASKED_UNIT } from './number-phrases.js';

/*
 * The number leads of a whole answer: one per asking part, each read from the sentence that states
 * it for that part (compose-lead.ts reads one sentence), labelled when several parts ask numbers.
 */

/** A lead line and the quoted sentence it is read from. */
export interface Lead extends Span {
  text: string;
  passageIndex: number;
  /** The asking part of the question the lead answers, when it answers one (numberLeads). */
  part?: string;
}

/**
 * One number lead per part of the question that asks for a number ("标准机架数目标是多少？智能
 * 算力占比要达到多少？"), read from the anchor sentence or else the first quoted piece that states
 * it; labelled with the asked quantity when there are several ("机架数：6.5万架").
 */
export function numberLeads(
  parts: string[],
  pieces: (Span & { text: string; passageIndex: number })[],
  anchor: Span & { text: string; passageIndex: number },
  groups: string[][],
  stated: StatedValue[] = [],
  /** The sentence the composition added for a part (compose-passage.ts): that part's lead is read there first. */
  forPart: ReadonlyMap<string, Span & { text: string; passageIndex: number }> = new Map(),
): Lead[] {
  const leads: Lead[] = [];
  const asking = parts.filter((p) => asksForNumber(p));
  // A value stated in one asking part is that part's case ("我今年30岁…有效期是几年"), not the
  // next part's ("交了材料后多久能拿到"); one stated outside every asking part holds for all.
  const own = asking.map((p) => statedValues(p));
  const anyOwn = own.some((v) => v.length > 0);
  const leadValues = new Set<string>();
  // Of several number parts, the words only one part says: a number whose own clause holds a later
  // part's words and none of this part's answers that later part ("正式供水前得提前多久报备？区里多长时间
  // 给核实？" — 十个工作日内…核实 answers the second; "…能不能限制作业时间？会提前多久公布？" —
  // 提前七日向社会公布 the second). Only later parts: a later part leaves out the subject an earlier
  // one named ("身份证…有效期是几年？交了材料后多久能拿到？" — 六十日内发放居民身份证 answers the second).
  const partWords = asking.map((p) => new Set(groups.filter((g) => g.some((t) => p.includes(t))).flat()));
  const onlyIn = (i: number) =>
    [...partWords[i]].filter((t) => partWords.every((other, j) => j === i || !other.has(t)));
  const belongsElsewhere = (i: number, text: string, value: string) => {
    if (asking.length < 2) return false;
    const at = text.indexOf(value);
    if (at < 0) return false;
    const span = splitClauses(text).find((c) => c.start <= at && at < c.end);
    if (!span) return false;
    const clause = text.slice(span.start, span.end);
    const mine = onlyIn(i).some((t) => textHolds(clause, t));
    const theirs = asking.some((_, j) => j > i && onlyIn(j).some((t) => textHolds(clause, t)));
    return theirs && !mine;
  };
  for (const [i, part] of asking.entries()) {
    const values = own[i].length > 0 ? own[i] : anyOwn ? [] : stated;
    // "罚多少钱" asks the fine: its amount, or no number at all (not the 五米 of the rule broken).
    // A part naming another unit (多少天内要提出来, after 罚单 in the scene) asks that, not the fine.
    const unit = ASKED_UNIT.exec(part)?.[1];
    const fine = asksPenalty(part) && (!unit || MONEY_UNITS.includes(unit)) ? FINE_WORDS : undefined;
    const quantity = askedQuantity(part, groups) ?? fine;
    const added = forPart.get(part);
    // Of several number parts, one naming no quantity reads its number where its own words stand (or
    // in the sentence added for it): "多久能拿到" is not answered by 有效期为十年.
    const words = groups.filter((g) => g.some((t) => part.includes(t))).flat();
    const concerns = (c: { text: string }) =>
      asking.length < 2 || quantity !== undefined || c === added || words.some((t) => textHolds(c.text, t));
    const candidates = forStatedValues(
      (added ? [added, anchor, ...pieces] : [anchor, ...pieces]).filter(concerns),
      values,
    );
    // The bounds of the citizen's range (满五年不足十年) say whose case a clause is, not what it gets
    // (十八个月) — unless the part asks for that very kind of amount.
    const bounds = values.filter((v) => !asksKind(part, v.kind));
    const read = (text: string) => numberLead(part, withoutRangeBounds(text, bounds), quantity);
    // The sentence added for this very part answers it, whatever later part's words it also holds
    // (不超过五年 holds the 超过 of "执行期超过几年的…").
    const lead = (c: { text: string }) => {
      const value = read(c.text);
      return value && (c === added || !belongsElsewhere(i, c.text, value)) ? value : undefined;
    };
    // Of the sentences that state a number, the one naming most of the part's words: "孩子几岁可以骑
    // 电动车" is answered by the item on 电动自行车 (年满16周岁), not the one before it on 自行车 (12周岁).
    const partGroups = groups.filter((g) => g.some((t) => part.includes(t)));
    const named = (c: { text: string }) => {
      const text = normaliseForIndex(c.text);
      return partGroups.filter((g) => g.some((t) => textHolds(text, t))).length;
    };
    const best = <T extends { text: string }>(from: T[]): T | undefined => {
      const most = Math.max(0, ...from.map(named));
      return from.find((c) => named(c) === most);
    };
    const stating = candidates.flatMap((c) => {
      const value = lead(c);
      return value ? [{ ...c, value }] : [];
    });
    const ofQuantity = quantity ? stating.filter((c) => quantity.some((q) => c.text.includes(q))) : [];
    // "按什么标准给" asks a number only through 标准: a rate or an amount (按每人1000元标准, 最高9万元,
    // 五十平方米), never a span or a date of the rule (98天 of the leave an allowance is paid for).
    const ofStandard = standardOnly(part) ? stating.filter((c) => !TIME_VALUE.test(c.value)) : stating;
    const source = best(ofQuantity) ?? (fine ? undefined : best(ofStandard));
    const value = source?.value;
    if (!source || !value) continue;
    // Several number parts: each lead names its quantity, or else the part's own asking clause.
    const name =
      asking.length > 1
        ? (quantity?.[0] ?? nearestTerm(part, source.text, value, groups) ?? askingClause(part))
        : undefined;
    const label = name ? `${name}：` : '';
    // One number leads once: two parts read to the same amount would say it twice, once wrongly.
    if (leadValues.has(value)) continue;
    leadValues.add(value);
    leads.push({
      text: `${label}${value}`,
      passageIndex: source.passageIndex,
      start: source.start,
      end: source.end,
      part,
    });
  }
  return leads;
}

/** A part that asks a number only by 标准 (按什么标准发, 补助标准是什么): 标准 blanked, none is asked. */
function standardOnly(part: string): boolean {
  return part.includes('标准') && !asksForNumber(part.replaceAll('标准', '  '));
}

/** A lead that is a span or a point of time: 98天, 365天, 十五个工作日, 2020年1月, 3月1日. */
const TIME_VALUE = /(?:天|日|周|月|年|小时|分钟)(?:以上|以下|以内|内)?$/u;

/** Whether a part asks for an amount of the kind a citizen may state: 几岁 an age, 几年 years. */
function asksKind(part: string, kind: StatedValue['kind']): boolean {
  if (kind === 'age') return askedQuantity(part, []) !== undefined && /岁|年龄|多大/u.test(part);
  if (kind === 'temperature') return /多少度|几度|温度.{0,4}多少/u.test(part);
  return /几年|多少年/u.test(part);
}

/** Measure words of a sum asked (多少钱, 几块, 多少元). */
const MONEY_UNITS: readonly string[] = ['钱', '块', '元', '万元'];

/** What a sanction's amount is stated with (处五十元以上一百元以下罚款). */
const FINE_WORDS = ['罚款', '罚金'];

/**
 * The sentences a number lead may come from when the citizen states a value (暖气只有15度): where
 * the quoted rule lists ranges of that value (16℃至18℃退20%, 14℃至16℃退50%), only the one holding
 * it, so the lead is the citizen's case and not the first item. Pure.
 */
function forStatedValues<T extends { text: string }>(sentences: T[], stated: StatedValue[]): T[] {
  if (stated.length === 0) return sentences;
  const ranged = sentences.filter((s) => stated.some((v) => statedRanges(s.text, v.kind).length > 0));
  if (ranged.length === 0) return sentences;
  // The narrowest range holding the value first: 二十六周岁至四十五周岁 before 十六周岁以上.
  const width = (s: T) => Math.min(...stated.map((v) => holdingRangeWidth(s.text, v) ?? Infinity));
  return ranged
    .filter((s) => stated.some((v) => statesRangeHolding(s.text, v)))
    .map((s, i) => ({ s, i, w: width(s) }))
    .sort((a, b) => a.w - b.w || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * The part's last clause as a lead label ("交了材料后多久能拿到"), undefined when it holds a number:
 * every number an answer states must come from a cited passage.
 */
function askingClause(part: string): string | undefined {
  const clause = part
    .split(/[，,]/u)
    .pop()
    ?.replace(/[吗呢吧啊呀]+$/u, '');
  return clause && !/[\d零〇一二两三四五六七八九十百千万亿]/u.test(clause) ? clause : undefined;
}

/** The question's term that stands closest before the number in the sentence: 机架 in "机架数达6.5万架". */
function nearestTerm(part: string, text: string, value: string, groups: string[][]): string | undefined {
  const at = text.indexOf(value);
  let best: { term: string; gap: number } | undefined;
  for (const [term] of groups) {
    if (!term || !part.includes(term)) continue;
    const i = text.lastIndexOf(term, at);
    if (i < 0 || i + term.length > at) continue;
    const gap = at - (i + term.length);
    if (!best || gap < best.gap) best = { term, gap };
  }
  return best?.term;
}
