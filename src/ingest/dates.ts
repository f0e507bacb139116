import { parseChineseNumber } from '../text/chinese-numerals.js';

/**
 * Chinese date strings → ISO `YYYY-MM-DD`: "2025年5月16日", "2025-05-16", "2025.5.16",
 * "2025/5/16" and 公文 dates in Chinese numerals ("二〇二五年五月十六日").
 */

/** One date in any of the accepted spellings; groups 1–3 are year, month, day (digits or numerals). */
export const DATE_PATTERN =
  '((?:19|20)\\d{2}|[一二〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{3})\\s*[-年./／]\\s*(\\d{1,2}|[十一二三四五六七八九]{1,2})\\s*[-月./／]\\s*(\\d{1,2}|[十一二三四五六七八九]{1,3})(?!\\d)\\s*日?';

/** "十六" → 16, "二十" → 20, "五" → 5, "12" → 12, "二〇二五" → 2025. */
function toNumber(s: string): number {
  return parseChineseNumber(s) ?? 0;
}

/** ISO date from the three captured parts, or undefined when they are not a real calendar date. */
export function toIsoDate(year: string, month: string, day: string): string | undefined {
  const y = toNumber(year);
  const m = toNumber(month);
  const d = toNumber(day);
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in `s`, as ISO. */
export function parseDate(s: string): string | undefined {
  const m = new RegExp(DATE_PATTERN).exec(s);
  return m ? toIsoDate(m[1], m[2], m[3]) : undefined;
}
