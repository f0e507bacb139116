import { parseChineseNumber } from '../text/chinese-numerals.js';

/**
 * Extraction of numbers and dates from Chinese text, for number fidelity: Arabic digits with
 * decimals, thousands separators, 万/亿 multipliers and percent (4.5万, 3,100, 12%, 2025年), and
 * Chinese numerals where they are clearly quantities (三个, 十四项, 百分之三十, 第十条).
 */

/** A number as written and its value (multipliers applied; percent kept apart). */
export interface NumberMention {
  text: string;
  value: number;
  /** Value before a 万/亿 multiplier, so "4.5" can be matched against "4.5万". */
  bare: number;
  percent: boolean;
}

const ARABIC = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*[万亿])?(\s*%)?/g;
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]+';
/**
 * Chinese numerals count only before a measure word (or after 百分之/第), because 一 and 十 are
 * everywhere in words (一件事, 一体化, 十四五). 年/月/日 are left out for the same reason (一年来),
 * and 一次性 (one-off: 一次性待遇申领, a guide's title) counts nothing.
 */
const CHINESE = new RegExp(
  `(百分之)(${CN_NUMERAL})|(${CN_NUMERAL})(?=[个项家条款章节元倍次人岁名所处类批])(?!次性)`,
  'g',
);

function multiplier(ch: string | undefined): number {
  if (!ch) return 1;
  return ch.trim() === '亿' ? 1e8 : ch.trim() === '万' ? 1e4 : 1;
}

/** Value of a Chinese numeral such as 三十五, 十四, 两千零五, 三万 (undefined when it is not one). */
export const parseChineseNumeral = parseChineseNumber;

/** Every number mentioned in `text` (normalise it first: NFKC, no citation markers). */
export function extractNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const bare = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(bare)) continue;
    out.push({ text: m[0], value: bare * multiplier(m[2]), bare, percent: Boolean(m[3]) });
  }
  for (const m of text.matchAll(CHINESE)) {
    const numeral = m[2] ?? m[3];
    const value = parseChineseNumeral(numeral);
    if (value === undefined) continue;
    out.push({ text: m[0], value, bare: value, percent: Boolean(m[1]) });
  }
  return out;
}

/** True when `mention` states the same quantity as one of `pool`. */
export function numberSupported(mention: NumberMention, pool: NumberMention[]): boolean {
  return pool.some(
    (p) =>
      (p.value === mention.value && p.percent === mention.percent) ||
      // "4.5" against "4.5万": the answer dropped the unit word but kept the figure.
      (mention.value === mention.bare && p.bare === mention.bare && p.percent === mention.percent),
  );
}
