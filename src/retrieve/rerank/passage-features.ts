import type { Passage } from '../../domain.js';
import { isStructuredUnit } from '../../text/guide-fields.js';
import { indexedText } from '../../text/indexed-text.js';
import { normaliseForIndex } from '../../text/normalise.js';
import { placesIn } from '../../text/place-names.js';
import { placeIdentity } from '../coverage-factors.js';
import { idfCoverage } from '../relevance.js';
import type { RerankContext } from './reranker.js';

/** The features the offline reranker scores, each in [0, 1]. Pure. */
export interface PassageFeatures {
  /** Fused retrieval score divided by the best candidate's. */
  fused: number;
  /** 1 / BM25 rank (0 when the BM25 list did not have it). */
  bm25: number;
  /** 1 / vector rank (0 when the vector list did not have it). */
  vector: number;
  /** IDF-weighted share of the question's topical groups the passage holds (an expansion covers its group). */
  coverage: number;
  /** 1: the question names no place, or the passage's document names it; 0.5: the document names no place; 0: only other places. */
  place: number;
  /** 1 for a law article or a 办事指南 field (`**字段**：值`), 0 for other text. */
  structured: number;
}

/** Features of each passage in `passages` (same order). */
export function passageFeatures(
  query: string,
  passages: readonly Passage[],
  { groups, idf }: RerankContext,
): PassageFeatures[] {
  const top = Math.max(...passages.map((p) => p.score), Number.MIN_VALUE);
  const asked = placesIn(query);
  return passages.map((p) => {
    const text = normaliseForIndex(indexedText(p.chunk));
    const identity = placeIdentity(p);
    const own = placesIn(identity);
    let place = 1;
    if (asked.length > 0) {
      if (own.length === 0) place = asked.some((a) => text.includes(a)) ? 1 : 0.5;
      else place = asked.some((a) => identity.includes(a) || text.includes(a)) ? 1 : 0;
    }
    return {
      fused: p.score > 0 ? Math.min(1, p.score / top) : 0,
      bm25: p.why.bm25Rank ? 1 / p.why.bm25Rank : 0,
      vector: p.why.vectorRank ? 1 / p.why.vectorRank : 0,
      coverage:
        groups.length > 0
          ? idfCoverage({ groups: groups as string[][], idf: idf as Map<string, number>, texts: [text] })
          : 0,
      place,
      structured: isStructuredUnit(p.chunk) ? 1 : 0,
    };
  });
}
