const DIGITS: Record<string, number> = {
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
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a Chinese or Arabic integer as used in article numbers: 十 → 10, 二十三 → 23,
 * 一百零五 → 105, 一千二百 → 1200, 33 → 33. Returns undefined for anything else.
 */
export function parseChineseInteger(raw: string): number | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else {
      const unit = UNITS[ch];
      // 十 at the start means 一十.
      total += (digit === 0 && unit === 10 && total === 0 ? 1 : digit) * unit;
      digit = 0;
    }
  }
  return total + digit;
}
