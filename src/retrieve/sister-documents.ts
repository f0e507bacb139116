import type { DocumentMeta, Passage } from '../domain.js';
import { PLACE_NAMES, placesIn } from '../text/place-names.js';
import { regionOf } from './locality.js';

/*
 * Sister documents: one regulation enacted at several levels — 物业管理条例 (the State Council's),
 * 山东省物业管理条例 and 青岛市物业管理条例 — or a law and the regulations implementing it
 * (法律援助法, 山东省法律援助条例). The city's is written for the city and refines the
 * province's and the nation's, so where both match a question about that city (or naming no place),
 * the city's passages rank first. The Qingdao demo subset holds 15 such families (供热, 物业, 燃气,
 * 房屋征收, 大气污染, 机动车排气 …).
 */

const LEADING_PLACE = new RegExp(
  `^(?:中华人民共和国|(?:${PLACE_NAMES.join('|')})(?:省|市|回族自治区|壮族自治区|维吾尔自治区|自治区|特别行政区)?)`,
  'u',
);

/**
 * A title's subject, without its leading place and its kind: 青岛市供热条例 → 供热, 中华人民共和国法律
 * 援助法 and 山东省法律援助条例 → 法律援助 (a law and the province's regulation implementing it are one
 * family; measured 2026-11-30: fresh-qd tune 0.593 → 0.617, every check half held). Undefined when
 * the title without its place is under 3 characters.
 */
export function titleStem(title: string): string | undefined {
  const bare = title.replace(/[《》\s]/g, '');
  const stem = bare.replace(LEADING_PLACE, '');
  if (stem.length < 3) return undefined;
  const subject = stem.replace(/(?:实施细则|实施办法|条例|办法|规定|法)$/u, '');
  return subject.length >= 2 ? subject : stem;
}

/** The region a document's title names at its start ("山东省青岛市", "山东省"), undefined for a national one. */
function titleRegion(meta: DocumentMeta): string | undefined {
  const bare = meta.title.replace(/[《》\s]/g, '');
  if (bare.startsWith('中华人民共和国')) return undefined;
  const lead = LEADING_PLACE.exec(bare)?.[0];
  return lead ? regionOf(lead) : undefined;
}

/**
 * Factor on the fused score of a passage whose document has a more local sister among the
 * candidates (a province's or the nation's 供热条例 beside the city's). < 1 moves the city's first
 * without hiding the other: chosen on the tune halves (docs/answers.md).
 */
export const WIDER_SISTER_FACTOR = 0.85;

/** Regions nested in one another (山东省 and 山东省青岛市), not side by side (two cities). */
function onOneLine(regions: string[]): boolean {
  const deepest = regions.reduce((a, b) => (b.length > a.length ? b : a));
  return regions.every((r) => deepest.startsWith(r));
}

/**
 * Scores of `ranked` (fused order) with documents that have a more local sister demoted by
 * `factor`. A sister counts as more local when its title region lies inside the other's (a city of
 * the province; any place for a national document) and holds the place the question names (a
 * question naming 山东 keeps the province's first). The more local sisters must lie on one line:
 * two cities' 供热条例 for a question naming neither leave the choice to the ranking. Pure; the order of equal scores is kept by the caller's stable sort.
 */
export function demoteWiderSisters(
  query: string,
  ranked: readonly Passage[],
  factor = WIDER_SISTER_FACTOR,
): Passage[] {
  const asked = placesIn(query)
    .map(regionOf)
    .filter((r): r is string => r !== undefined);
  const docs = new Map<string, DocumentMeta>();
  for (const p of ranked) docs.set(p.meta.id, p.meta);
  const byStem = new Map<string, { meta: DocumentMeta; region: string | undefined }[]>();
  for (const meta of docs.values()) {
    const stem = titleStem(meta.title);
    if (!stem) continue;
    const family = byStem.get(stem) ?? [];
    family.push({ meta, region: titleRegion(meta) });
    byStem.set(stem, family);
  }
  const demoted = new Set<string>();
  for (const family of byStem.values()) {
    if (family.length < 2) continue;
    for (const wider of family) {
      const narrower = family.filter(
        (s) =>
          s !== wider &&
          s.region !== undefined &&
          (wider.region === undefined || (s.region !== wider.region && s.region.startsWith(wider.region))) &&
          (asked.length === 0 || asked.some((a) => s.region !== undefined && a.startsWith(s.region))),
      );
      if (narrower.length > 0 && onOneLine(narrower.map((s) => s.region as string)))
        demoted.add(wider.meta.id);
    }
  }
  if (demoted.size === 0) return [...ranked];
  return ranked.map((p) => (demoted.has(p.meta.id) ? { ...p, score: p.score * factor } : p));
}
