import { parseChineseNumber } from '../text/chinese-numerals.js';

/**
 * Values a citizen states about their own case — "我爸今年66了", "暖气只有15度", "孩子7岁". Rules
 * state such values as ranges of a named quantity ("六十五周岁以上免费乘坐", "供热温度高于或者等于
 * 14℃、低于16℃的"), never as the citizen's number: searched as a bare term, 66 matched "国务院令
 * 第66号" and 15 any fifteen, so the value is searched as the word for its quantity instead.
 */

export type ValueKind = 'age' | 'temperature';

export interface StatedValue {
  kind: ValueKind;
  value: number;
  /** Where the value stands in the question, with its unit. */
  start: number;
  end: number;
}

const NUMBER = String.raw`(\d{1,3}(?:\.\d)?|[一二两三四五六七八九十]{1,4})`;

/**
 * Ages (66岁, 66周岁, 今年66了) and temperatures (15度, 15℃). Not after 第 or a digit, and not an
 * ask (几岁, 多少度 have no number).
 */
const STATED: { kind: ValueKind; pattern: RegExp }[] = [
  { kind: 'age', pattern: new RegExp(String.raw`(?<![第\d.])${NUMBER}(?:周岁|岁)(?!以|之)`, 'gu') },
  { kind: 'age', pattern: new RegExp(`(?:今年|已经|都)${NUMBER}了`, 'gu') },
  { kind: 'temperature', pattern: new RegExp(String.raw`(?<![第\d.])${NUMBER}(?:度|℃|摄氏度)`, 'gu') },
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
export const VALUE_TERMS: Record<ValueKind, string> = { age: '周岁', temperature: '温度' };

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

function parseNumber(raw: string): number | undefined {
  return /^\d/.test(raw) ? Number(raw) : parseChineseNumber(raw);
}
