/**
 * A small seeded generator of personal numbers written the ways citizens write them (issue 14
 * item 7): full-width digits, groups separated by spaces or dashes, glued to a prefix (ID, card,
 * 身份证号), mobiles with +86/0086, landlines with or without the dash. Seeded, so a failure names
 * the seed and the exact text and replays.
 */

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for test-case generation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const digits = (rand: Rand, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const REGIONS = ['110105', '370202', '370212', '370281', '440305', '510107', '320102'];

function idCard18(rand: Rand): string {
  const birth = `${between(rand, 1940, 2012)}${pad(between(rand, 1, 12), 2)}${pad(between(rand, 1, 28), 2)}`;
  const body = `${pick(rand, REGIONS)}${birth}${digits(rand, 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + '10X98765432'[sum % 11];
}

function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    let double = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let x = Number(s[i]);
      if (double) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
      double = !double;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

export type NumberKind = 'id18' | 'id15' | 'mobile' | 'landline' | 'card';

/** One personal number: its digits, and how it is usually grouped when written out. */
export interface PersonalNumber {
  kind: NumberKind;
  digits: string;
  groups: number[];
}

export function personalNumber(rand: Rand, kind: NumberKind = pick(rand, KINDS)): PersonalNumber {
  switch (kind) {
    case 'id18':
      return { kind, digits: idCard18(rand), groups: pick(rand, [[6, 8, 4], [3, 3, 4, 4, 4], [18]]) };
    case 'id15': {
      const birth = `${pad(between(rand, 40, 99), 2)}${pad(between(rand, 1, 12), 2)}${pad(between(rand, 1, 28), 2)}`;
      return { kind, digits: `${pick(rand, REGIONS)}${birth}${digits(rand, 3)}`, groups: [6, 6, 3] };
    }
    case 'mobile':
      return { kind, digits: `1${between(rand, 3, 9)}${digits(rand, 9)}`, groups: [3, 4, 4] };
    case 'landline': {
      const area = pick(rand, ['0532', '0531', '010', '021', '0755']);
      const local = `${between(rand, 2, 8)}${digits(rand, area.length === 3 ? 7 : pick(rand, [6, 7]))}`;
      return { kind, digits: area + local, groups: [area.length, local.length] };
    }
    case 'card': {
      const length = pick(rand, [16, 19]);
      return {
        kind,
        digits: luhnComplete(`62${digits(rand, length - 3)}`),
        groups: length === 16 ? [4, 4, 4, 4] : [4, 4, 4, 4, 3],
      };
    }
  }
}

const KINDS: readonly NumberKind[] = ['id18', 'id15', 'mobile', 'landline', 'card'];
const SEPARATORS = [' ', '-', '－', '\u3000', ' - ', '—'];
const PREFIXES: Record<NumberKind, readonly string[]> = {
  id18: ['', 'ID', 'ID:', 'ID ', 'id：', '身份证', '身份证号：', '证件号码'],
  id15: ['', 'ID', '旧身份证', '身份证号 '],
  mobile: ['', '手机', 'tel:', 'Tel ', '+86', '+86 ', '0086', '86-', '电话：', '＋86'],
  landline: ['', '座机', '电话', 'tel', '联系电话：'],
  card: ['', 'card', 'Card No.', '卡号', '银行卡：', 'card:'],
};
const FULL_WIDTH = (s: string) => s.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** One way of writing `n`: digits ASCII, full-width or mixed; grouped or not; with a prefix. */
export function writeNumber(rand: Rand, n: PersonalNumber): string {
  let parts: string[] = [];
  let at = 0;
  for (const g of n.groups) {
    parts.push(n.digits.slice(at, at + g));
    at += g;
  }
  const grouping = rand();
  if (grouping < 0.3) parts = [n.digits];
  const sep = pick(rand, SEPARATORS);
  let text = parts.join(sep);
  const width = rand();
  if (width < 0.3) text = FULL_WIDTH(text);
  else if (width < 0.5) text = [...text].map((ch) => (rand() < 0.5 ? FULL_WIDTH(ch) : ch)).join('');
  return `${pick(rand, PREFIXES[n.kind])}${text}`;
}

/** Text without personal numbers that still has many digits: dates, amounts, counts, timestamps. */
export function harmlessNumbers(rand: Rand): string {
  const year = between(rand, 1990, 2030);
  return pick(rand, [
    `${year}-${pad(between(rand, 1, 12), 2)}-${pad(between(rand, 1, 28), 2)}`,
    `${year}年${between(rand, 1, 12)}月${between(rand, 1, 28)}日`,
    `青政办字〔${year}〕${between(rand, 1, 99)}号`,
    `${between(rand, 1, 999)}.${between(rand, 1, 9)}万个`,
    `${Date.UTC(year, between(rand, 0, 11), between(rand, 1, 28))}`,
    `第${between(rand, 1, 200)}条第${between(rand, 1, 9)}款`,
    `${between(rand, 1000, 9999)} ${between(rand, 10, 99)}`,
    `${between(rand, 10, 99)}%`,
    '12345热线',
    `${year}年建成${between(rand, 1000, 9999)}个5G基站`,
    `编号${digits(rand, 6)}`,
  ]);
}
