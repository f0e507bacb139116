import { placesIn } from '../text/place-names.js';
import { APPLICANT_PLACES, placeLabel } from './guide-places.js';
import { regionOf } from './locality.js';

/*
 * A question about a place the documents say nothing of: "北京的公租房怎么申请", "杭州的电动自行车上牌
 * 要带哪些材料" asked of a Qingdao deployment. The local rules that decide such matters are not
 * indexed, so whatever the search finds (a national article on queueing traffic, on bicycle riders'
 * ages) answers another question. The assistant says which place it holds nothing of and refers on,
 * as it does for a 办事指南 held only for other places (guide-places.ts).
 */

/** Whether the documents serve `place`: they name it, its province, or (for a province) one of its cities. */
function isServed(place: string, served: ReadonlySet<string>): boolean {
  if (served.has(place)) return true;
  const region = regionOf(place);
  if (!region) return false;
  for (const other of served) {
    const otherRegion = regionOf(other);
    if (!otherRegion) continue;
    // A province's documents hold in its cities (山东 for 德州); a city's documents make its
    // province served in part (广州 for a question about 广东).
    if (region.startsWith(otherRegion) || otherRegion.startsWith(region)) return true;
  }
  return false;
}

/**
 * The places (labels as `placeLabel`: 北京市, 杭州市) a question names when the documents serve none
 * of them (`served`: placesServed over the index); undefined when it names no place, or one the
 * documents serve ("从青岛去北京…" is about Qingdao too). Places named as where an applicant comes
 * from (香港, 澳门, 台湾) do not count: national rules on their residents apply anywhere. Pure.
 */
export function unservedPlaces(query: string, served: ReadonlySet<string>): string[] | undefined {
  const named = placesIn(query).filter((place) => !APPLICANT_PLACES.has(place));
  if (named.length === 0 || named.some((place) => isServed(place, served))) return undefined;
  return named.map((place) => placeLabel(regionOf(place) ?? place));
}

/** The refusal's sentence naming them: "文件中没有北京市的地方规定。" */
export function unservedPlacesSentence(places: readonly string[] | undefined): string {
  return places && places.length > 0 ? `文件中没有${places.join('、')}的地方规定。` : '';
}
