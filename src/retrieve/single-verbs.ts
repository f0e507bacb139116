import { type QueryGroup, queryGroup } from '../text/tokenizer.js';
import { idiomsHolding, isSingleVerb, verbCompounds } from '../text/verb-compounds.js';
import { heldBy } from './held-terms.js';

/**
 * Weight of a compound found for a one-character verb, against 1 for the word as asked. Chosen on
 * the tune halves (0.3, 0.5, 0.7, 1 measured 2026-11-30): 0.7 lifted fresh-qd tune most; at 1 the
 * compounds outweighed the question's own words (citizen-qd tune 0.851 → 0.808).
 */
export const COMPOUND_WEIGHT = 0.7;
/** Compounds kept per verb: the ones the index holds, most documents first. */
const MAX_COMPOUNDS = 6;

/**
 * The query groups with each one-character verb the lexicon does not map (晒, 烤, 埋) given, as
 * alternatives, the two-character verbs holding it that the index knows (晾晒, 烧烤, 掩埋), except
 * those it holds only inside an idiom (玩忽 of 玩忽职守). Alone the
 * character is dropped from the search as an ambiguous morpheme (query-terms.ts `topicalGroups`).
 */
export async function withVerbCompounds(
  groups: QueryGroup[],
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<QueryGroup[]> {
  const singles = groups.filter((g) => g.length === 1 && isSingleVerb(g[0]));
  if (singles.length === 0) return groups;
  const candidates = [...new Set(singles.flatMap((g) => verbCompounds(g[0])))];
  if (candidates.length === 0) return groups;
  const held = await heldBy(idf, candidates);
  // A compound the index holds only inside an idiom is part of the idiom, not a verb of its own:
  // 玩忽 stands only in 玩忽职守 (neglect of duty), which "带孩子去玩" must not search. The idiom is
  // cut with its halves, so it is held by as many passages as the compound exactly then.
  const idioms = [...new Set(candidates.filter(held).flatMap((c) => idiomsHolding(c)))];
  const idiomIdf = idioms.length > 0 ? await idf(idioms) : new Map<string, number>();
  const onlyInIdiom = (compound: string) =>
    idiomsHolding(compound).some(
      (idiom) => (idiomIdf.get(idiom) ?? Number.POSITIVE_INFINITY) <= (held.idf.get(compound) ?? 0) + 1e-9,
    );
  return groups.map((group) => {
    if (!singles.includes(group)) return group;
    const found = verbCompounds(group[0])
      .filter((compound) => held(compound) && !onlyInIdiom(compound))
      .sort((a, b) => (held.idf.get(a) ?? 0) - (held.idf.get(b) ?? 0))
      .slice(0, MAX_COMPOUNDS);
    if (found.length === 0) return group;
    return queryGroup([group[0], ...found], [1, ...found.map(() => COMPOUND_WEIGHT)]);
  });
}
