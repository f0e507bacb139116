import { isDistrictGroup } from '../text/place-names.js';
import { type QueryGroup, queryGroup } from '../text/tokenizer.js';

/**
 * Weight of a Qingdao district (市南区, 李沧) in the keyword search, against 1 for the question's
 * other words. A district is rare in the corpus (IDF ≈ 7), so at full weight the short scope
 * articles that list the districts (…在市南区、市北区、李沧区行政区域内，禁止拖拉机行驶) outranked the
 * rule asked about: "市南区能放鞭炮吗" found the tractor ban first. Chosen on the tune halves
 * (measured 2026-12-03: 1, 0.5 and 0.3; 0.5 and 0.3 read the same, the milder kept).
 */
export const DISTRICT_WEIGHT = 0.5;

/** The groups with every district group searched at DISTRICT_WEIGHT. Pure. */
export function withDistrictsLight(groups: readonly QueryGroup[]): QueryGroup[] {
  const light = (group: QueryGroup) =>
    queryGroup(
      group,
      group.map(() => DISTRICT_WEIGHT),
    );
  return groups.map((g) => (isDistrictGroup(g) ? light(g) : g));
}
