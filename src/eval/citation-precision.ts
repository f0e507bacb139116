import type { Citation } from '../domain.js';
import { covers, type DocSpan } from './coverage.js';
import { head, type MetricResult } from './metric.js';
import { charBigrams, stripCitationMarkers } from './text-measures.js';

/**
 * A citation is supported when at least this share of the character bigrams of the sentence that
 * cites it also occur in its quote. 0.5 lets an answer paraphrase connective words while keeping
 * the facts, while a quote about another topic shares few (see test/eval/citation-precision.test.ts).
 */
export const SUPPORT_MIN_BIGRAM_SHARE = 0.5;

/** Sentences of an answer, ending at 。！？；, newline (the citation marker stays with its sentence). */
export function splitSentences(text: string): string[] {
  const parts = text.match(/[^。！？!?；;\n]+(?:[。！？!?；;\n]+|$)(?:\s*[[［]\d+[\]］])*/g) ?? [];
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Share of the sentence's bigrams found in the quote. */
export function bigramSupport(sentence: string, quote: string): number {
  const s = charBigrams(stripCitationMarkers(sentence));
  if (s.size === 0) return 0;
  const q = charBigrams(quote);
  let hit = 0;
  for (const b of s) if (q.has(b)) hit++;
  return hit / s.size;
}

/** The sentences that carry marker [n]; the whole answer when none does. */
function citingText(sentences: string[], n: number, answer: string): string {
  const marker = new RegExp(`[[［]\\s*${n}\\s*[\\]］]`);
  const citing = sentences.filter((s) => marker.test(s));
  return citing.length > 0 ? citing.join('') : answer;
}

/**
 * Share of citations that either cover an evidence span (coverage rule) or support the sentence
 * citing them (≥ SUPPORT_MIN_BIGRAM_SHARE bigram overlap). An answer without citations scores 0
 * (an uncited claim is what the product promises never to make).
 */
export function citationPrecision(answer: string, citations: Citation[], evidence: DocSpan[]): MetricResult {
  if (citations.length === 0) return { pass: false, score: 0, reason: 'answer has no citations' };
  const sentences = splitSentences(answer);
  const bad: string[] = [];
  for (const c of citations) {
    const coversEvidence = evidence.some((e) => covers(c, e));
    if (coversEvidence) continue;
    const support = bigramSupport(citingText(sentences, c.n, answer), c.quote);
    if (support >= SUPPORT_MIN_BIGRAM_SHARE) continue;
    bad.push(`[${c.n}] ${c.docId} "${head(c.quote, 20)}" (support ${support.toFixed(2)})`);
  }
  const score = (citations.length - bad.length) / citations.length;
  if (bad.length === 0) return { pass: true, score, reason: `all ${citations.length} citations supported` };
  return { pass: false, score, reason: `citations neither on evidence nor supporting: ${bad.join('; ')}` };
}
