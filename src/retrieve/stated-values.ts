import { parseChineseNumber } from '../text/chinese-numerals.js';

/**
 * Values a citizen states about their own case — "我爸今年66了", "暖气只有15度", "孩子7岁". Rules
 * state such values as ranges of a named quantity ("六十五周岁以上免费乘坐", "供热温度高于或者等于
 * 14℃、低于16℃的"), never as the citizen's number: searched as a bare term, 66 matched "国务院令
 * 第66号" and 15 any fifteen, so the value is searched as the word for its quantity instead; and where a rule lists ranges
 * (退还热费的20% / 50% / 全额), the answer leads with the one holding the value.
 */

export type ValueKind = 'age' | 'temperature' | 'years';

export interface StatedValue {
  kind: ValueKind;
  value: number;
  /** Where the value stands in the question, with its unit. */
  start: number;
  end: number;
}

const NUMBER = String.raw`(\d{1,3}(?:\.\d)?|[一二两三四五六七八九十]{1,4})`;

/**
 * Ages (66岁, 66周岁, 今年66了), temperatures (15度, 15℃) and the years worked or paid in (交了6年
 * 失业保险, 累计工作了12年, 工作满10年, 缴费满十五年), which rules grade in tiers (累计缴费满五年
 * 不足十年的，…最长为十八个月). Not after 第 or a digit, and not an ask (几岁, 多少度, 几年 have no
 * number).
 */
const STATED: { kind: ValueKind; pattern: RegExp }[] = [
  { kind: 'age', pattern: new RegExp(String.raw`(?<![第\d.])${NUMBER}(?:周岁|岁)(?!以|之)`, 'gu') },
  { kind: 'age', pattern: new RegExp(`(?:今年|已经|都)${NUMBER}了`, 'gu') },
  { kind: 'temperature', pattern: new RegExp(String.raw`(?<![第\d.])${NUMBER}(?:度|℃|摄氏度)`, 'gu') },
  {
    kind: 'years',
    pattern: new RegExp(
      `(?:工作|缴费|缴纳|缴|交|干|上班|参保|工龄|累计)了?(?:整整|快|近|已经)?(?:满|够)?${NUMBER}多?年(?![度级底初末内])`,
      'gu',
    ),
  },
];

/** The values the question states, in order. Pure. */
export function statedValues(question: string): StatedValue[] {
  const out: StatedValue[] = [];
  for (const { kind, pattern } of STATED) {
    for (const m of question.matchAll(pattern)) {
      const value = parseNumber(m[1]);
      if (value === undefined) continue;
      const start = (m.index ?? 0) + m[0].indexOf(m[1]);
      if (out.some((v) => v.start === start)) continue;
      out.push({ kind, value, start, end: (m.index ?? 0) + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What the texts call the quantity a stated value measures: 年满16周岁, 室内温度. */
export const VALUE_TERMS: Record<ValueKind, string> = { age: '周岁', temperature: '温度', years: '累计' };

/**
 * The question with each stated value replaced by the word texts use for its quantity ("今年66了"
 * → "今年 周岁 ", "15度" → " 温度 "), so it is searched as an age or a temperature, not as a
 * number. Offsets are not kept. Pure.
 */
export function withoutStatedValues(question: string): string {
  const values = statedValues(question);
  let out = question;
  for (const v of [...values].reverse()) {
    out = `${out.slice(0, v.start)} ${VALUE_TERMS[v.kind]} ${out.slice(v.end)}`;
  }
  return out;
}

const UNIT: Record<ValueKind, string> = {
  age: '(?:周岁|岁)',
  temperature: '(?:℃|摄氏度|度)',
  years: '(?:个?年)(?![度级底初末内])',
};

/** Bounds a clause puts on a quantity; 以上 and 以下 include the number, as Chinese law reads them. */
export interface Bounds {
  min: number;
  minIncluded: boolean;
  max: number;
  maxIncluded: boolean;
}

/**
 * The ranges of a kind a text states, one per clause (split at ，；。): "高于或者等于14℃、低于16℃"
 * is [14, 16), "六十五周岁以上" [65, ∞), "不满六十五周岁" [0, 65), "十一周岁至六十周岁" [11, 60].
 * Pure.
 */
/** An amount of a kind with its bound words: 满五年, 不足十年, 六十五周岁以上, 低于16℃. */
const boundedAmount = (kind: ValueKind) =>
  new RegExp(
    `(高于或者等于|高于或等于|不低于|不少于|不超过|不高于|低于|高于|超过|不满|未满|不足|年满|满|达到)?${NUMBER}${UNIT[kind]}(以上|以下|以内|及以上|及以下)?`,
    'gu',
  );

export function statedRanges(text: string, kind: ValueKind): Bounds[] {
  const amount = boundedAmount(kind);
  const out: Bounds[] = [];
  for (const clause of text.split(/[，,；;。]/u)) {
    let bounds: Bounds | undefined;
    for (const m of clause.matchAll(amount)) {
      const n = parseNumber(m[2]);
      if (n === undefined) continue;
      const b: Bounds = bounds ?? { min: -Infinity, minIncluded: true, max: Infinity, maxIncluded: true };
      const at = m.index ?? 0;
      const before = m[1] ?? '';
      const after = m[3] ?? '';
      if (/^(?:至|到|-|～|~)$/u.test(clause.slice(at - 1, at)))
        Object.assign(b, { max: n, maxIncluded: true });
      else if (/^(?:高于或者?等于|不低于|不少于|年满|满|达到)$/u.test(before) || /以上/u.test(after))
        Object.assign(b, { min: n, minIncluded: true });
      else if (/^(?:高于|超过)$/u.test(before)) Object.assign(b, { min: n, minIncluded: false });
      else if (/^(?:不满|未满|不足|低于)$/u.test(before)) Object.assign(b, { max: n, maxIncluded: false });
      else if (/^(?:不超过|不高于)$/u.test(before) || /以下|以内/u.test(after))
        Object.assign(b, { max: n, maxIncluded: true });
      else if (/^(?:至|到)/u.test(clause.slice(at + m[0].length)))
        Object.assign(b, { min: n, minIncluded: true });
      else continue;
      bounds = b;
    }
    if (bounds) out.push(bounds);
  }
  return out;
}

const holds = (b: Bounds, value: StatedValue) =>
  (b.minIncluded ? value.value >= b.min : value.value > b.min) &&
  (b.maxIncluded ? value.value <= b.max : value.value < b.max);

/** Whether `text` states a range of the value's kind that holds the value. Pure. */
export function statesRangeHolding(text: string, value: StatedValue): boolean {
  return statedRanges(text, value.kind).some((b) => holds(b, value));
}

/**
 * The width of the narrowest range of `text` that holds the value (Infinity for an open one such
 * as 十六周岁以上), undefined when none holds it: "二十六周岁至四十五周岁" (19) is the citizen's case
 * more precisely than "十六周岁以上". Pure.
 */
export function holdingRangeWidth(text: string, value: StatedValue): number | undefined {
  const widths = statedRanges(text, value.kind)
    .filter((b) => holds(b, value))
    .map((b) => b.max - b.min);
  return widths.length > 0 ? Math.min(...widths) : undefined;
}

/**
 * The text with the amounts of the stated values' kinds blanked (offsets kept): in "累计缴费满五年不足
 * 十年的，…最长为十八个月" the 五年 and 十年 say whose case it is, and 十八个月 is what it gets. Pure.
 */
export function withoutRangeBounds(text: string, values: readonly StatedValue[]): string {
  let out = text;
  for (const kind of new Set(values.map((v) => v.kind)))
    out = out.replace(boundedAmount(kind), (m) => ' '.repeat(m.length));
  return out;
}

function parseNumber(raw: string): number | undefined {
  return /^\d/.test(raw) ? Number(raw) : parseChineseNumber(raw);
}
