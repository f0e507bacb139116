import type { Citation, Passage } from '../domain.js';
import { citePassage } from './citations.js';

/**
 * Checks a generated answer against the passages it was given. Pure functions, no model calls.
 *
 * A sentence is supported when
 *  - every [n] it carries names a passage that exists,
 *  - enough of its wording is found in the cited passages (character-bigram coverage ≥ `minOverlap`;
 *    bigrams because Chinese has no spaces and paraphrase keeps most two-character words), and
 *  - every number in it (dates, amounts, periods, phone numbers) occurs in a cited passage.
 * A sentence without [n] is accepted only as a short lead-in without numbers ("具体如下：").
 *
 * The answer-composition rules (docs/answers.md) are checked the same way for generated answers:
 *  - a short lead that states the asked number ("5个工作日[1]。") is supported when its numbers are
 *    in the cited passage, however differently it is worded;
 *  - an enumerated item without a marker ("2. 身份证明") is checked against the passages its list
 *    lead ("需要以下材料[2]：") or the list's marked item cites, so a list needs one marker;
 *  - a note that a part of the question is not covered ("申请方式资料未写明，请咨询12345…"), or that the
 *    rules quoted may not be the asker's case ("以上规定未必完全对应您的情况…"), needs no citation; its
 *    numbers must come from the referral line (`referralLine`).
 */

export interface CheckedSentence {
  /** The sentence as written, markers included. */
  text: string;
  markers: number[];
  supported: boolean;
  /** Why it was not supported, e.g. 'no citation', 'unknown source [7]', 'number 45 not in [1]'. */
  reason?: string;
}

export interface CitationCheckResult {
  /** The answer after unsupported sentences were dropped or marked. */
  answer: string;
  citations: Citation[];
  /** Every sentence passed. */
  grounded: boolean;
  sentences: CheckedSentence[];
}

export interface CitationCheckOptions {
  /** Share (0..1) of a sentence's character bigrams that must occur in its cited passages. Default 0.4. */
  minOverlap?: number;
  /** Longest uncited lead-in sentence accepted, in content characters. Default 20. */
  maxLeadInChars?: number;
  /** What to do with an unsupported sentence. Default 'drop'. */
  unsupported?: 'drop' | 'mark';
  /** Text appended to a marked sentence. */
  mark?: string;
  /** The referral line (config.referralLine): the numbers a not-covered note may state. */
  referralLine?: string;
}

/**
 * A note that part of the question is not covered by the passages, or, after a partial decision,
 * that the quoted rules may not be the asker's case (generative-answerer.ts PARTIAL_SCOPE).
 */
const NOT_COVERED =
  /未写明|没有写明|未提及|没有提及|未说明|没有说明|没有找到|未找到|未规定|没有规定|未必(?:完全)?(?:对应|适用|符合)/;

const MARKER_RUN = /\s*(?:[[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】]\s*)+/g;
const SENTENCE =
  /[^。！？!?\n]+(?:[。！？!?]+|\n+|$)(?:[ \t]*[[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】])*\n*/g;
const LIST_PREFIX = /^\s*(?:\d{1,2}[.、)）]|[（(][\d一二三四五六七八九十]{1,3}[)）]|[-*•·])\s*/;

/** Full-width digits and letters to half-width, so ２０２５ matches 2025. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function splitSentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).filter((s) => s.trim().length > 0);
}

export function extractMarkers(sentence: string): number[] {
  const found = new Set<number>();
  for (const run of sentence.match(MARKER_RUN) ?? []) {
    for (const d of run.match(/\d+/g) ?? []) found.add(Number(d));
  }
  return [...found];
}

const content = (text: string) => toHalfWidth(text).replace(/[^\p{L}\p{N}]/gu, '');

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** Numbers compared by value, so 05 (in 2025-05-16) matches 5 (in 2025年5月16日). */
function numbers(text: string): string[] {
  return (toHalfWidth(text).match(/\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n)));
}

export function overlap(sentenceContent: string, passageContent: string): number {
  const s = bigrams(sentenceContent);
  if (s.size === 0) return 1;
  const p = bigrams(passageContent);
  let hit = 0;
  for (const b of s) if (p.has(b)) hit++;
  return hit / s.size;
}

function checkSentence(
  sentence: string,
  passages: Passage[],
  minOverlap: number,
  maxLeadInChars: number,
  referralLine: string,
  inherited: number[] = [],
): CheckedSentence {
  const own = extractMarkers(sentence);
  const markers = own.length > 0 ? own : inherited;
  const body = sentence.replace(MARKER_RUN, '').replace(LIST_PREFIX, '');
  const text = content(body);
  const nums = numbers(body);
  if (markers.length === 0) {
    if (nums.length === 0 && text.length <= maxLeadInChars)
      return { text: sentence, markers: own, supported: true };
    const referral = new Set(numbers(referralLine));
    if (NOT_COVERED.test(body) && nums.every((n) => referral.has(n)))
      return { text: sentence, markers: own, supported: true };
    return { text: sentence, markers: own, supported: false, reason: 'no citation' };
  }
  const unknown = markers.filter((n) => n < 1 || n > passages.length);
  if (unknown.length)
    return { text: sentence, markers: own, supported: false, reason: `unknown source [${unknown[0]}]` };
  const cited = markers.map((n) => passages[n - 1].chunk.text);
  const citedContent = content(cited.join('\n'));
  const citedNumbers = new Set(cited.flatMap(numbers));
  const missing = nums.find((n) => !citedNumbers.has(n));
  if (missing !== undefined) {
    return {
      text: sentence,
      markers: own,
      supported: false,
      reason: `number ${missing} not in [${markers.join('][')}]`,
    };
  }
  // A short lead stating the asked number ("5个工作日[1]。") is the number itself.
  if (nums.length > 0 && text.length <= maxLeadInChars)
    return { text: sentence, markers: own, supported: true };
  const score = overlap(text, citedContent);
  if (score < minOverlap) {
    return {
      text: sentence,
      markers: own,
      supported: false,
      reason: `overlap ${score.toFixed(2)} < ${minOverlap}`,
    };
  }
  return { text: sentence, markers: own, supported: true };
}

/**
 * The markers an unmarked list item is checked against: its list's lead ("…材料[2]：") or the
 * nearest marked item of the same list (a list with one marker after its last item).
 */
function listMarkers(sentences: string[]): number[][] {
  const out: number[][] = sentences.map(() => []);
  const isItem = (s: string) => LIST_PREFIX.test(s);
  let lead: number[] = [];
  sentences.forEach((s, i) => {
    const own = extractMarkers(s);
    if (!isItem(s)) {
      lead = /[：:]\s*(?:[[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】]\s*)*$/.test(s.trim()) ? own : [];
      return;
    }
    if (own.length > 0) return;
    if (lead.length > 0) {
      out[i] = lead;
      return;
    }
    for (let j = i + 1; j < sentences.length && isItem(sentences[j]); j++) {
      const next = extractMarkers(sentences[j]);
      if (next.length > 0) {
        out[i] = next;
        break;
      }
    }
  });
  return out;
}

export function checkCitations(
  answer: string,
  passages: Passage[],
  {
    minOverlap = 0.4,
    maxLeadInChars = 20,
    unsupported = 'drop',
    mark = '（此句未能在资料中核实）',
    referralLine = '',
  }: CitationCheckOptions = {},
): CitationCheckResult {
  const parts = splitSentences(answer);
  const inherited = listMarkers(parts);
  let sentences = parts.map((s, i) =>
    checkSentence(s, passages, minOverlap, maxLeadInChars, referralLine, inherited[i]),
  );
  // A short uncited sentence passes only as the lead-in of a cited answer: an answer that cites
  // nothing at all (e.g. a model obeying an instruction planted in a document) is not grounded.
  if (!sentences.some((s) => s.markers.length > 0)) {
    sentences = sentences.map((s) => (s.supported ? { ...s, supported: false, reason: 'no citation' } : s));
  }
  const grounded = sentences.length > 0 && sentences.every((s) => s.supported);
  const kept = unsupported === 'drop' ? sentences.filter((s) => s.supported) : sentences;
  const text = kept
    .map((s) => (s.supported ? s.text : `${s.text.trimEnd()}${mark}${/\n$/.test(s.text) ? '\n' : ''}`))
    .join('')
    .trim();

  const verified = new Map<number, boolean>();
  for (const s of kept) {
    for (const n of s.markers) {
      if (n < 1 || n > passages.length) continue;
      verified.set(n, (verified.get(n) ?? true) && s.supported);
    }
  }
  const citations = [...verified.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, ok]) => {
      const passage = passages[n - 1];
      return citePassage(n, passage, passage.chunk.start, passage.chunk.end, ok);
    });
  return { answer: text, citations, grounded, sentences };
}
