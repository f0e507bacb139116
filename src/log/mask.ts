/**
 * Masks citizens' personal numbers in free text: 身份证号 (18-digit with a valid GB 11643 check
 * digit, and the old 15-digit form), mobile numbers (1[3-9] + 9 digits), landlines written with an
 * area code and a dash, and bank card numbers (16–19 digits passing the Luhn check). Used on every
 * log line and on feedback comments before they are stored.
 *
 * Digit runs are matched with digit boundaries on both sides, so a 13-digit epoch timestamp is
 * neither a phone number nor a card number.
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

/** 15-digit IDs (issued before 1999) carry YYMMDD at positions 7–12; check the date is plausible. */
function isPlausibleIdCard15(id: string): boolean {
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
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

/** 15–19 characters of digits (an 18-digit ID may end in X). */
const DIGIT_RUN = /(?<![\dA-Za-z])\d{14,18}[\dXx]?(?![\dA-Za-z])/g;
/** Card numbers written in groups of four separated by spaces or dashes. */
const GROUPED_CARD = /(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-(\d{7,8})(?!\d)/g;

function maskDigitRun(run: string): string {
  const compact = run.replace(/[ -]/g, '');
  if (compact.length === 18 && isValidIdCard18(compact)) {
    return `${compact.slice(0, 3)}${stars(11)}${compact.slice(14)}`;
  }
  if (compact.length === 15 && /^\d{15}$/.test(compact) && isPlausibleIdCard15(compact)) {
    return `${compact.slice(0, 3)}${stars(8)}${compact.slice(11)}`;
  }
  if (compact.length >= 16 && compact.length <= 19 && /^\d+$/.test(compact) && isLuhnValid(compact)) {
    return `${compact.slice(0, 4)}${stars(compact.length - 8)}${compact.slice(-4)}`;
  }
  return run;
}

/** Returns `text` with personal numbers masked; everything else is left as it was. */
export function maskPersonalNumbers(text: string): string {
  if (!/\d{7}/.test(text.replace(/[ -]/g, ''))) return text;
  return text
    .replace(GROUPED_CARD, maskDigitRun)
    .replace(DIGIT_RUN, maskDigitRun)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(
      LANDLINE,
      (_m, area: string, local: string) => `${area}-${stars(local.length - 4)}${local.slice(-4)}`,
    );
}
