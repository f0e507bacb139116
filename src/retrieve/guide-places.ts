import type { DocumentMeta } from '../domain.js';
import { placesIn } from '../text/place-names.js';
import { placeTier, regionOf } from './locality.js';

/*
 * A 办事指南 question naming a place none of the matched matter's guides serves ("在深圳办普通护照"
 * with only 广州市's guide): the refusal names the places whose guide the documents do hold.
 */

/**
 * Places that a service-guide question names as where the applicant comes from (香港医生, 澳门的中医师,
 * 台湾居民), not as where the matter is handled: they never make a guide "of another place".
 */
export const APPLICANT_PLACES: ReadonlySet<string> = new Set(['香港', '澳门', '台湾']);

/** 广东省广州市 → 广州市; a province or a municipality stays as it is. */
export function placeLabel(region: string): string {
  const m = /^.+?(?:省|自治区)(.+)$/.exec(region);
  return m ? m[1] : region;
}

export interface CoveredPlacesInput {
  question: string;
  /** The guide the question matched (apart from its place), if any. */
  guide: DocumentMeta | undefined;
  /** Every document's metadata (guides of the same matter elsewhere are found by title). */
  metas: Iterable<DocumentMeta>;
}

/**
 * The places whose guide of the matched matter the documents hold, when the question names a place
 * none of them serves ("在深圳办普通护照" with only 广州市's guide): the refusal can say which places
 * are covered. Undefined when the question names no place, no guide matched or one serves it.
 * Labels as `placeLabel`, sorted. Pure.
 */
export function coveredPlaces({ question, guide, metas }: CoveredPlacesInput): string[] | undefined {
  if (guide?.type !== '办事指南') return undefined;
  const asked = placesIn(question)
    .filter((name) => !APPLICANT_PLACES.has(name) && !guide.title.includes(name))
    .map(regionOf)
    .filter((r): r is string => r !== undefined);
  if (asked.length === 0) return undefined;
  const regions = new Set<string>();
  for (const meta of metas) {
    if (meta.type !== '办事指南' || meta.title !== guide.title) continue;
    // A guide of the asked place, of its province (a provincial matter is handled for all its
    // cities) or of a city inside an asked province serves the question (locality.ts tiers).
    if (asked.some((region) => placeTier(region, meta.region) !== 'other')) return undefined;
    if (meta.region) regions.add(meta.region);
  }
  if (regions.size === 0) return undefined;
  return [...regions].map(placeLabel).sort();
}

/** The refusal's sentence naming the covered places: "文件中只有广州市、深圳市的该事项办事指南。" */
export function coveredPlacesSentence(places: readonly string[] | undefined): string {
  return places && places.length > 0 ? `文件中只有${places.join('、')}的该事项办事指南。` : '';
}
