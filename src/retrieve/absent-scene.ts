import { dictionaryTag } from '../text/general-rarity.js';
import { heldBy } from './held-terms.js';

/*
 * A citizen sets the scene in words no rule uses: "白天屋里都得开灯", "天天中午", "楼前马路边". A word
 * no indexed passage holds cannot pick a passage, but it still weighs in the coverage that decides
 * whether to answer, as the rarest of topics: a question answered by its first passage was refused
 * for lacking 白天 and 屋里. jieba's dictionary tags such words as time words (t: 白天, 冬天, 天天) or
 * place words (s: 屋里, 家里, 山上, 楼前), never as the nouns and verbs a rule is about.
 */

/** jieba's tags of time words and place words. */
const SCENE_TAGS = new Set(['t', 's']);

/**
 * The groups without those whose every form no indexed passage holds and whose word jieba tags as
 * a time or place word. Groups the index knows stay, whatever their tag (夜间, 室内); so does
 * everything when nothing else would remain.
 */
export async function withoutAbsentScene(
  groups: string[][],
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<string[][]> {
  const candidates = groups.filter((g) => SCENE_TAGS.has(dictionaryTag(g[0]) ?? ''));
  if (candidates.length === 0) return groups;
  const held = await heldBy(idf, candidates.flat());
  const kept = groups.filter((g) => !candidates.includes(g) || g.some(held));
  return kept.length > 0 ? kept : groups;
}
