/**
 * Masks citizens' personal numbers in free text: 身份证号 (18-digit with a valid GB 11643 check
 * digit and birth date, and the old 15-digit form), mobile numbers (1[3-9] + 9 digits, with or
 * without +86/0086), landlines with an area code (0 + 2–3 digits, then 7–8 digits, with or without
 * a dash) and bank card numbers (16–19 digits passing the Luhn check). Used on every log line, on
 * feedback and on conversation history before they are stored.
 *
 * Numbers are found in every form a citizen writes them (issue 14 item 7): full-width digits
 * (１３８…), digit groups separated by spaces or dashes (138 1234 5678, 0532-8591 2345,
 * 4111-1111-…), and glued to a prefix (ID11010…, card6222…, 身份证号：…). A run of digit groups is
 * tried as a whole first and then in shorter spans, so two numbers separated by a space are both
 * masked, while dates, amounts, document numbers and timestamps (no valid check digit, no plausible
 * shape) are left alone.
 */

/** GB 11643-1999 weights and check characters for the 18-digit resident ID number. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isValidIdCard18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

/** Month 01–12 and day 01–31 at `at` (MMDD) of an ID number. */
function plausibleMonthDay(id: string, at: number): boolean {
  const month = Number(id.slice(at, at + 2));
  const day = Number(id.slice(at + 2, at + 4));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const stars = (n: number) => '*'.repeat(n);

/** Separators people put between digit groups: spaces (also full-width, no-break) and dashes. */
const SEP = '[ \\u00a0\\u3000\\-－–—‐‑]';
/** Digits, ASCII or full-width. */
const DIGIT = '[0-9０-９]';
/**
 * A run of digit groups joined by one to three separators ("138 - 1234"), with an optional leading +
 * (+86) and final X (18-digit IDs).
 * Only a digit may not precede it, so a prefix glued to the number (ID, card, 号) does not hide it.
 */
const NUMBER_RUN = new RegExp(
  `(?<![0-9０-９])[+＋]?${DIGIT}+(?:${SEP}{1,3}${DIGIT}+)*(?:[XxＸｘ](?![A-Za-z]))?`,
  'g',
);
/** Seven digits in a row at least (separators allowed): the cheap test that most lines fail. */
const HAS_SEVEN_DIGITS = new RegExp(`(?:${DIGIT}${SEP}{0,3}){7}`);

/** Full-width digits and X as ASCII. */
function toAscii(s: string): string {
  return s.replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** True when the cuts (offsets of group boundaries) are exactly one of `groupings`. */
const groupedAs = (cuts: number[], groupings: number[][]) =>
  groupings.some((g) => g.length === cuts.length && g.every((c, i) => cuts[i] === c));

/**
 * The masked form of a compact number (digits and a final X), or undefined when it is not personal.
 * `cuts` are the offsets where the writer separated groups; each kind is only recognised in the
 * groupings it is written in (ID 6-8-4 or 3-3-4-4-4, mobile 3-4-4 after an optional 86, landline
 * area + local or area + 3/4 + 4, card in fours or 6-13), so "191544 12345" (two numbers) is not a
 * mobile and "661737600000 12345" (a timestamp and a count) is not a card.
 */
export function maskNumber(compact: string, cuts: number[] = []): string | undefined {
  if (
    compact.length === 18 &&
    isValidIdCard18(compact) &&
    /^(?:19|20)/.test(compact.slice(6)) &&
    plausibleMonthDay(compact, 10) &&
    groupedAs(cuts, [[], [6, 14], [6, 10, 14], [3, 6, 10, 14]])
  )
    return `${compact.slice(0, 3)}${stars(11)}${compact.slice(14)}`;
  if (!/^\d+$/.test(compact)) return undefined;
  if (compact.length === 15 && plausibleMonthDay(compact, 8) && groupedAs(cuts, [[], [6, 12], [3, 6, 9, 12]]))
    return `${compact.slice(0, 3)}${stars(8)}${compact.slice(11)}`;
  const mobile = /^((?:0{0,2}86)?)(1[3-9]\d)\d{4}(\d{4})$/.exec(compact);
  const p = mobile?.[1].length ?? 0;
  const local11 = cuts.filter((c) => c !== p).map((c) => c - p);
  if (mobile && groupedAs(local11, [[], [3], [7], [3, 7]])) return `${mobile[2]}****${mobile[3]}`;
  // 010 and 02x are three-digit area codes, the others four; the local number has 7 or 8 digits.
  const area = /^0(?:10|2\d)/.test(compact) ? compact.slice(0, 3) : compact.slice(0, 4);
  const local = compact.slice(area.length);
  const a = area.length;
  if (
    compact[0] === '0' &&
    local.length >= 7 &&
    local.length <= 8 &&
    groupedAs(cuts, [[], [a], [a, compact.length - 4]])
  )
    return `${area}-${stars(local.length - 4)}${local.slice(-4)}`;
  if (
    compact.length >= 16 &&
    compact.length <= 19 &&
    isLuhnValid(compact) &&
    groupedAs(cuts, [[], [6], compact.length > 16 ? [4, 8, 12, 16] : [4, 8, 12]])
  )
    return `${compact.slice(0, 4)}${stars(compact.length - 8)}${compact.slice(-4)}`;
  return undefined;
}

/** Masks the personal numbers in one run of digit groups: whole spans first, longest first. */
function maskRun(match: string): string {
  const plus = /^[+＋]/.test(match) ? match[0] : '';
  const run = match.slice(plus.length);
  const groups = run.split(new RegExp(`(${SEP}{1,3})`));
  // groups: [digits, sep, digits, sep, …]; the digit groups sit at even indexes.
  const out: string[] = [];
  let maskedFirst = false;
  let i = 0;
  while (i < groups.length) {
    let done = false;
    for (let j = groups.length - 1; j >= i && !done; j -= 2) {
      const parts = groups.slice(i, j + 1).filter((_g, k) => k % 2 === 0);
      const cuts: number[] = [];
      let at = 0;
      for (const part of parts.slice(0, -1)) {
        at += part.length;
        cuts.push(at);
      }
      const masked = maskNumber(toAscii(parts.join('')), cuts);
      if (masked !== undefined) {
        if (i === 0) maskedFirst = true;
        out.push(masked);
        if (j + 1 < groups.length) out.push(groups[j + 1]);
        i = j + 2;
        done = true;
      }
    }
    if (!done) {
      out.push(groups[i]);
      if (i + 1 < groups.length) out.push(groups[i + 1]);
      i += 2;
    }
  }
  // A leading + belongs to a masked +86 number; otherwise it stays.
  return `${maskedFirst ? '' : plus}${out.join('')}`;
}

/**
 * A UUID (request ids, document revisions): hex groups that can hold a mobile number's digits
 * ("0910e182-1234-4890-…" read as 182-1234-4890), yet never a personal number.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Returns `text` with personal numbers masked; everything else (UUIDs included) is left as it was. */
export function maskPersonalNumbers(text: string): string {
  if (!HAS_SEVEN_DIGITS.test(text)) return text;
  let out = '';
  let at = 0;
  for (const m of text.matchAll(UUID)) {
    out += text.slice(at, m.index).replace(NUMBER_RUN, maskRun) + m[0];
    at = m.index + m[0].length;
  }
  return out + text.slice(at).replace(NUMBER_RUN, maskRun);
}
