import type { Citation, Passage } from '../domain.js';

/**
 * Checks a generated answer against the passages it was given. Pure functions, no model calls.
 *
 * A sentence is supported when
 *  - every [n] it carries names a passage that exists,
 *  - enough of its wording is found in the cited passages (character-bigram coverage ≥ `minOverlap`;
 *    bigrams because Chinese has no spaces and paraphrase keeps most two-character words), and
 *  - every number in it (dates, amounts, periods, phone numbers) occurs in a cited passage.
 * A sentence without [n] is accepted only as a short lead-in without numbers ("具体如下：").
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
}

const MARKER_RUN = /\s*(?:[[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】]\s*)+/g;
const SENTENCE =
  /[^。！？!?\n]+(?:[。！？!?]+|\n+|$)(?:[ \t]*[[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】])*\n*/g;
const LIST_PREFIX = /^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-*•·])\s*/;

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

export function toCitation(n: number, passage: Passage, verified: boolean): Citation {
  const { chunk, meta } = passage;
  return {
    n,
    docId: chunk.docId,
    title: meta.title,
    docNumber: meta.docNumber,
    date: meta.publishDate ?? meta.effectiveDate ?? meta.writtenDate,
    headingPath: chunk.headingPath.join(' › '),
    quote: chunk.text,
    start: chunk.start,
    end: chunk.end,
    verified,
  };
}

function checkSentence(
  sentence: string,
  passages: Passage[],
  minOverlap: number,
  maxLeadInChars: number,
): CheckedSentence {
  const markers = extractMarkers(sentence);
  const body = sentence.replace(MARKER_RUN, '').replace(LIST_PREFIX, '');
  const text = content(body);
  const nums = numbers(body);
  if (markers.length === 0) {
    if (nums.length === 0 && text.length <= maxLeadInChars)
      return { text: sentence, markers, supported: true };
    return { text: sentence, markers, supported: false, reason: 'no citation' };
  }
  const unknown = markers.filter((n) => n < 1 || n > passages.length);
  if (unknown.length)
    return { text: sentence, markers, supported: false, reason: `unknown source [${unknown[0]}]` };
  const cited = markers.map((n) => passages[n - 1].chunk.text);
  const citedContent = content(cited.join('\n'));
  const citedNumbers = new Set(cited.flatMap(numbers));
  const missing = nums.find((n) => !citedNumbers.has(n));
  if (missing !== undefined) {
    return {
      text: sentence,
      markers,
      supported: false,
      reason: `number ${missing} not in [${markers.join('][')}]`,
    };
  }
  const score = overlap(text, citedContent);
  if (score < minOverlap) {
    return {
      text: sentence,
      markers,
      supported: false,
      reason: `overlap ${score.toFixed(2)} < ${minOverlap}`,
    };
  }
  return { text: sentence, markers, supported: true };
}

export function checkCitations(
  answer: string,
  passages: Passage[],
  {
    minOverlap = 0.4,
    maxLeadInChars = 20,
    unsupported = 'drop',
    mark = '（此句未能在资料中核实）',
  }: CitationCheckOptions = {},
): CitationCheckResult {
  let sentences = splitSentences(answer).map((s) => checkSentence(s, passages, minOverlap, maxLeadInChars));
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
    .map(([n, ok]) => toCitation(n, passages[n - 1], ok));
  return { answer: text, citations, grounded, sentences };
}
