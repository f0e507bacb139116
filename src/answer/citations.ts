import type { Citation, Passage } from '../domain.js';
import { formatHeadingPath } from '../text/citation-text.js';

/**
 * A citation of `passage` quoting `documentText.slice(start, end)`; the passage's chunk text stands
 * in for the document text, so `start`/`end` must lie inside the chunk.
 */
export function citePassage(
  n: number,
  passage: Passage,
  start: number,
  end: number,
  verified: boolean,
): Citation {
  const { chunk, meta } = passage;
  const from = Math.max(start, chunk.start);
  const to = Math.min(end, chunk.end);
  return {
    n,
    docId: chunk.docId,
    title: meta.title,
    docNumber: meta.docNumber,
    date: meta.publishDate ?? meta.effectiveDate ?? meta.writtenDate,
    headingPath: formatHeadingPath(chunk.headingPath),
    quote: chunk.text.slice(from - chunk.start, to - chunk.start),
    start: from,
    end: to,
    verified,
  };
}
