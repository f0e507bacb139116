import { namesQingdaoDistrict, PROVINCES, placesIn, SHANDONG_CITIES } from '../text/place-names.js';

/**
 * Locality as a ranking prior. A question is about a place: the one it names, else the
 * deployment's region (`DEPLOYMENT_REGION`, e.g. 青岛市). Documents of that place rank first, then
 * those of the enclosing province (or of the asked province's cities), then national ones; documents
 * of other places last. A prior, not a filter: a strong match elsewhere still shows.
 */

/** The region a place name stands for, most specific first: "山东省青岛市", "广东省广州市", "广东省". */
export function regionOf(text: string): string | undefined {
  const places = placesIn(text);
  // A district of Qingdao (市南区, 在李沧开了个小厂) is in Qingdao.
  if (places.length === 0) return namesQingdaoDistrict(text) ? '山东省青岛市' : undefined;
  const region = (name: string) => (SHANDONG_CITIES.includes(name) ? `山东省${name}市` : PROVINCES[name]);
  const regions = places.map(region).filter((r): r is string => r !== undefined);
  // The longest region string is the most specific (a city inside its province).
  return regions.sort((a, b) => b.length - a.length)[0];
}

/** How a document's region relates to the asked one. */
export type PlaceTier = 'exact' | 'near' | 'national' | 'other';

/**
 * exact: the document is of the asked region; near: of a region inside it (a city of the asked
 * province, a district of the asked city) or of the province enclosing the asked city; national:
 * no region or 全国; other: another place.
 */
export function placeTier(asked: string, docRegion: string | undefined): PlaceTier {
  if (!docRegion || docRegion === '全国') return 'national';
  if (docRegion === asked) return 'exact';
  if (docRegion.startsWith(asked) || asked.startsWith(docRegion)) return 'near';
  return 'other';
}

/**
 * Factors on the fused score per tier, >= 0. `exact` 1 + boost, `near` 1 + boost / 2, `national`
 * 1, `other` 1 − penalty. Defaults fitted on the tune halves (docs/evaluation.md).
 */
export interface LocalityParams {
  boost?: number;
  penalty?: number;
}

export const DEFAULT_LOCALITY: Required<LocalityParams> = { boost: 0.15, penalty: 0.15 };

export function localityFactor(tier: PlaceTier, { boost, penalty }: Required<LocalityParams>): number {
  if (tier === 'exact') return 1 + boost;
  if (tier === 'near') return 1 + boost / 2;
  if (tier === 'other') return Math.max(0, 1 - penalty);
  return 1;
}

/** The region a question is about: the place it names, else the deployment's region. */
export function askedRegion(question: string, deploymentRegion: string | undefined): string | undefined {
  return regionOf(question) ?? (deploymentRegion ? regionOf(deploymentRegion) : undefined);
}
