/** Chinese digits, including the 〇/○/Ｏ zeros of 公文 dates (二〇二五年). */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  Ｏ: 0,
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
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * The value of an integer written in Arabic digits or Chinese numerals — 33, 十 → 10, 十四 → 14,
 * 三十三 → 33, 一百零五 → 105, 两千零五 → 2005, 三万 → 30000, and digit by digit without units
 * (二〇二五 → 2025, as in dates) — or undefined when the text is not one. The one parser for article
 * numbers (第三十三条), dates and the eval's number fidelity.
 */
export function parseChineseNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0) return undefined;
  if ([...text].every((ch) => ch in DIGITS) && text.length > 1) {
    return [...text].reduce((n, ch) => n * 10 + DIGITS[ch], 0);
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let hasDigit = false;
  // 万 or 亿 alone is a word, not a number.
  let seen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      hasDigit = true;
      seen = true;
    } else if (ch in SMALL_UNITS) {
      seen = true;
      // A unit with no digit before it means one of it: 十四 is 14.
      section += (hasDigit ? digit : 1) * SMALL_UNITS[ch];
      digit = 0;
      hasDigit = false;
    } else if (ch in LARGE_UNITS) {
      total = (total + section + digit) * LARGE_UNITS[ch];
      section = 0;
      digit = 0;
      hasDigit = false;
    } else {
      return undefined;
    }
  }
  return seen ? total + section + digit : undefined;
}
