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
const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]+';
/**
 * Chinese numerals count only before a measure word (or after 百分之/第), because 一 and 十 are
 * everywhere in words (一件事, 一体化, 十四五). 年/月/日 are left out for the same reason (一年来).
 */
const CHINESE = new RegExp(
  `(百分之)(${CN_NUMERAL})|(${CN_NUMERAL})(?=[个项家条款章节元倍次人岁名所处类批])`,
  'g',
);

function multiplier(ch: string | undefined): number {
  if (!ch) return 1;
  return ch.trim() === '亿' ? 1e8 : ch.trim() === '万' ? 1e4 : 1;
}

/** Value of a Chinese numeral such as 三十五, 十四, 两千零五, 三万 (undefined when it is not one). */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit = 0;
  let hasDigit = false;
  let seen = false;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
      hasDigit = true;
      seen = true;
    } else if (ch in CN_UNITS) {
      // 十四 is 14: a unit with no digit before it means one of it.
      section += (hasDigit ? digit : 1) * CN_UNITS[ch];
      digit = 0;
      hasDigit = false;
      seen = true;
    } else if (ch === '万' || ch === '亿') {
      const unit = ch === '万' ? 1e4 : 1e8;
      total = (total + section + digit) * unit;
      section = 0;
      digit = 0;
      hasDigit = false;
    } else {
      return undefined;
    }
  }
  const value = total + section + digit;
  return seen ? value : undefined;
}

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
