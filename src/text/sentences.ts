import type { Span } from '../domain.js';

/**
 * Sentence and clause spans of Chinese (and mixed half-width) text. Spans are offsets into the
 * text given, never copies, so that chunks and answers can cite `text.slice(start, end)` exactly.
 *
 * Rules, taken from the corpus (the seed mixes half-width `,` `(` `:` with Chinese text):
 * - a sentence ends at 。！？!?；; or a newline; a run of terminators ("！？", "。。") stays together;
 * - closing quotes and brackets right after a terminator stay with their sentence ("……。”");
 * - a half-width `.` ends a sentence only before whitespace or the end and not after a digit, so
 *   "4.5万", "2.0" and the list marker "1. " never split;
 * - spans are whitespace-trimmed and empty spans are dropped.
 */

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const CLAUSE_END = new Set(['，', '、', '：', ',', ':']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '〕', '》', '〉', ']', '"', "'", '］']);

/** Any Unicode whitespace: NBSP, U+2002/U+2003 (en/em spaces) and U+3000 occur in the corpus. */
function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f
  );
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Does the character at `i` end a sentence (given its neighbours)? */
function endsSentence(text: string, i: number, end: number): boolean {
  const ch = text[i];
  if (SENTENCE_END.has(ch)) return true;
  if (ch === '.') {
    if (isDigit(text[i - 1])) return false;
    const next = i + 1 < end ? text[i + 1] : undefined;
    return next === undefined || isSpace(next) || next === '\n';
  }
  return false;
}

/** Does the character at `i` end a clause? Half-width `,` `:` between digits (1,000 / 12:30) or in a URL do not. */
function endsClause(text: string, i: number): boolean {
  const ch = text[i];
  if (!CLAUSE_END.has(ch)) return false;
  if (ch === ',' || ch === ':') {
    if (isDigit(text[i - 1]) && isDigit(text[i + 1])) return false;
    if (ch === ':' && text[i + 1] === '/') return false;
  }
  return true;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
  if (e > s) out.push({ start: s, end: e });
}

function split(text: string, start: number, end: number, clauses: boolean): Span[] {
  const out: Span[] = [];
  const stop = Math.min(end, text.length);
  let segStart = Math.max(0, start);
  let i = segStart;
  while (i < stop) {
    const ch = text[i];
    if (ch === '\n') {
      pushTrimmed(text, out, segStart, i);
      segStart = i + 1;
      i++;
      continue;
    }
    if (endsSentence(text, i, stop) || (clauses && endsClause(text, i))) {
      let j = i + 1;
      while (j < stop && (SENTENCE_END.has(text[j]) || CLOSERS.has(text[j]))) j++;
      pushTrimmed(text, out, segStart, j);
      segStart = j;
      i = j;
      continue;
    }
    i++;
  }
  pushTrimmed(text, out, segStart, stop);
  return out;
}

/** Sentence spans of `text[start, end)`, as offsets into `text`. */
export function splitSentences(text: string, start = 0, end: number = text.length): Span[] {
  return split(text, start, end, false);
}

/** Like `splitSentences`, but also splits at ，、：,: — finer pieces for extractive answers. */
export function splitClauses(text: string, start = 0, end: number = text.length): Span[] {
  return split(text, start, end, true);
}
