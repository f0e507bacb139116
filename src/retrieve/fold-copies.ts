import type { DocumentMeta, Passage } from '../domain.js';
import { normaliseForIndex } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';

/**
 * Share of the shorter passage's sentence text that must recur, sentence for sentence, in a passage
 * of another document for the two to count as copies of one text.
 */
export const COPY_MIN_SHARED = 0.6;

/** Copies listed per passage at most (a text republished everywhere need not list every place). */
const MAX_COPIES = 8;

/** Sentences shorter than this (normalised characters) are too common to tell copies apart. */
const MIN_SENTENCE_CHARS = 8;

interface Fingerprint {
  sentences: Set<string>;
  chars: number;
}

function fingerprint(text: string): Fingerprint {
  const sentences = new Set<string>();
  let chars = 0;
  for (const span of splitSentences(text)) {
    const s = normaliseForIndex(text.slice(span.start, span.end)).replace(/[\s\p{P}]/gu, '');
    if (s.length < MIN_SENTENCE_CHARS || sentences.has(s)) continue;
    sentences.add(s);
    chars += s.length;
  }
  return { sentences, chars };
}

function sharedChars(a: Fingerprint, b: Fingerprint): number {
  let shared = 0;
  for (const s of a.sentences) if (b.sentences.has(s)) shared += s.length;
  return shared;
}

/**
 * Whether a passage of `copy` may stand folded under a passage of `original`. A 办事指南 is the
 * record of one matter of one authority in one place: guides of sibling matters (新办/补发/换发,
 * 港澳/台湾签注) or of the same matter elsewhere share most sentences but answer different
 * questions, so a guide folds only into a guide of the same title, 实施主体 and 行政区划 (measured
 * 2026-11-30 on service-guide-dev: 8 misses had the asked guide folded under a sibling's). Other
 * texts fold whatever document they stand in: a notice republished by several sites is one text.
 */
export function mayFold(copy: DocumentMeta, original: DocumentMeta): boolean {
  if (copy.type !== '办事指南' && original.type !== '办事指南') return true;
  return (
    copy.type === original.type &&
    copy.title === original.title &&
    (copy.authority ?? '') === (original.authority ?? '') &&
    (copy.region ?? '') === (original.region ?? '')
  );
}

/**
 * Folds passages that repeat a better-ranked passage of another document (a notice republished by a
 * news site, a provincial copy of a national text) into that passage's `copies`, so the list shows
 * each text once and says where else it stands. Two passages are copies when at least
 * `COPY_MIN_SHARED` of the shorter one's sentence text is shared sentence for sentence, and
 * `mayFold` allows it (guides of different matters stay apart). Keeps order. Pure.
 */
export function foldCopies(passages: Passage[]): Passage[] {
  const kept: { passage: Passage; print: Fingerprint }[] = [];
  for (const passage of passages) {
    const print = fingerprint(passage.chunk.text);
    const original =
      print.chars > 0 &&
      kept.find(
        (k) =>
          k.passage.chunk.docId !== passage.chunk.docId &&
          k.print.chars > 0 &&
          mayFold(passage.meta, k.passage.meta) &&
          sharedChars(print, k.print) >= COPY_MIN_SHARED * Math.min(print.chars, k.print.chars),
      );
    if (original) {
      const { chunk, meta } = passage;
      const copies = original.passage.copies ?? [];
      if (copies.length < MAX_COPIES) {
        original.passage = {
          ...original.passage,
          copies: [...copies, { docId: chunk.docId, title: meta.title, start: chunk.start, end: chunk.end }],
        };
      }
      continue;
    }
    kept.push({ passage, print });
  }
  return kept.map((k) => k.passage);
}
