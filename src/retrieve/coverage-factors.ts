import type { DocumentMeta, Passage } from '../domain.js';
import { placesIn } from '../text/place-names.js';
import { regionOf } from './locality.js';
import { holdsTerm } from './relevance.js';

/*
 * Factors on a passage's coverage (the relevance signal, relevance-decision.ts) for two ways a
 * passage that holds the question's words can still answer it wrongly: another place, another
 * quantity.
 */

/**
 * Factor on a passage's coverage when the question names a place (北京, 青岛, 广东 …) and the
 * passage's document is about other places (its title, region or headings name only them, and the
 * passage does not mention the asked one): a Beijing question answered from Qingdao documents would
 * be confidently wrong. 0.5 halves the coverage; an otherwise perfect match still falls below the
 * threshold. Documents naming no place are not penalised: measured on ncpqa-dev, most answerable
 * questions naming a province are answered by national notices or by local ones whose text never
 * repeats the place (我区, 全省), and requiring the name refused 9.7 % of them instead of 4.3 %.
 */
const PLACE_MISMATCH_FACTOR = 0.5;

/**
 * Factor on a passage's coverage when the question asks for a number of a named quantity
 * (增长目标是多少) and the passage does not name it: it may state another quantity of the same
 * subject (a share target), which would be a confidently wrong number.
 */
const QUANTITY_MISMATCH_FACTOR = 0.5;

export function quantityFactor(quantity: string[] | undefined, text: string): number {
  if (!quantity) return 1;
  return quantity.some((term) => holdsTerm(term, text)) ? 1 : QUANTITY_MISMATCH_FACTOR;
}

/** What says which place a passage's document is about: its title, region and headings. */
export function placeIdentity(passage: Passage): string {
  return `${passage.meta.title} ${passage.meta.region ?? ''} ${passage.chunk.headingPath.join(' ')}`;
}

const NONE_SERVED: ReadonlySet<string> = new Set();

/**
 * `served`: the places the index has documents of (placesServed). A province's document holds in
 * its cities — 山东省人口与计划生育条例 answers "在青岛生孩子…产假" — for the cities the index
 * serves; for another city the index lacks the local rules that may refine the province's, and a
 * province's document about one locale (台儿庄古城) would answer for all of them.
 */
export function placeFactor(
  query: string,
  passage: Passage,
  served: ReadonlySet<string> = NONE_SERVED,
): number {
  const asked = placesIn(query);
  if (asked.length === 0) return 1;
  const identity = placeIdentity(passage);
  const own = placesIn(identity);
  // A document that names no place (a national notice, or one whose origin was not recorded) may
  // well apply to the place asked about; one that names only other places is about them.
  if (own.length === 0) return 1;
  const seen = `${identity} ${passage.chunk.text}`;
  if (asked.some((place) => seen.includes(place))) return 1;
  const region = regionOf(identity);
  const enclosing = (place: string) => served.has(place) && region && regionOf(place)?.startsWith(region);
  return asked.some(enclosing) ? 1 : PLACE_MISMATCH_FACTOR;
}

/** The places named by the titles and regions of the indexed documents. Pure. */
export function placesServed(metas: Iterable<DocumentMeta>): Set<string> {
  const out = new Set<string>();
  for (const meta of metas)
    for (const place of placesIn(`${meta.title} ${meta.region ?? ''}`)) out.add(place);
  return out;
}
