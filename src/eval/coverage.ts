/**
 * The coverage rule of `../shared/eval/README.md`: a retrieved passage covers an evidence quote
 * when both lie in the same document and their character spans overlap by at least half of the
 * shorter of the two. Offsets are UTF-16 indices into the document text as read from its file.
 */

/** A span of one document. */
export interface DocSpan {
  docId: string;
  start: number;
  end: number;
}

/** Where an evidence quote was found; `exact: false` means only whitespace/width-insensitively. */
export interface LocatedQuote extends DocSpan {
  exact: boolean;
}

/** Share of the shorter span that must overlap for a cover (README rule: half). */
export const COVER_MIN_OVERLAP = 0.5;

/** Folds one character for the loose match: full-width forms → half-width (NFKC when it stays one char). */
function foldChar(ch: string): string {
  const folded = ch.normalize('NFKC');
  return folded.length === 1 ? folded : ch;
}

/**
 * Finds `quote` in `text`. First exactly; then ignoring whitespace and full/half width
 * (a gold quote typed with "，" where the file has ","). Returns the span in `text`, or undefined.
 */
export function locateQuote(text: string, quote: string, docId: string): LocatedQuote | undefined {
  const at = text.indexOf(quote);
  if (at >= 0) return { docId, start: at, end: at + quote.length, exact: true };

  // Loose: compact both strings (drop whitespace, fold width), remembering original offsets.
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) continue;
    compact += foldChar(ch);
    positions.push(i);
  }
  let needle = '';
  for (let i = 0; i < quote.length; i++) if (!/\s/.test(quote[i])) needle += foldChar(quote[i]);
  if (needle.length === 0) return undefined;
  const loose = compact.indexOf(needle);
  if (loose < 0) return undefined;
  const start = positions[loose];
  const end = positions[loose + needle.length - 1] + 1;
  return { docId, start, end, exact: false };
}

/** Characters two spans share (0 when they are in different documents or disjoint). */
export function overlap(a: DocSpan, b: DocSpan): number {
  if (a.docId !== b.docId) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** True when `passage` covers `quote` by the README rule (exactly half counts). Empty spans never cover. */
export function covers(passage: DocSpan, quote: DocSpan): boolean {
  const shorter = Math.min(passage.end - passage.start, quote.end - quote.start);
  if (shorter <= 0) return false;
  return overlap(passage, quote) >= COVER_MIN_OVERLAP * shorter;
}

/** 1-based rank of the first passage that covers any evidence span, or undefined when none does. */
export function rankOfFirstCover(passages: DocSpan[], evidence: DocSpan[]): number | undefined {
  return rankOfFirstCoverBySpans(
    passages.map((p) => [p]),
    evidence,
  );
}

/**
 * As `rankOfFirstCover` for passages that stand in several documents (a passage with the copies of
 * its text folded in, see retrieve/fold-copies.ts): a passage covers when any of its spans does.
 */
export function rankOfFirstCoverBySpans(passages: DocSpan[][], evidence: DocSpan[]): number | undefined {
  for (let i = 0; i < passages.length; i++) {
    if (passages[i].some((span) => evidence.some((e) => covers(span, e)))) return i + 1;
  }
  return undefined;
}
