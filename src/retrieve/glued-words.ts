import { type QueryGroup, queryGroup, type Tokenizer } from '../text/tokenizer.js';
import { heldBy } from './held-terms.js';

/*
 * jieba glues a light verb or a size/age word to the noun after it — 坐地铁, 交学费, 老房子,
 * 小房子 — into one token no document holds, so the noun's official words (地铁 → 轨道交通, 房子 →
 * 房屋) never reach the search and the token weighs as the rarest of topics.
 */

/** Light verbs (坐, 打, 交 …) and size/age words (老, 小, 新 …) that glue to a following noun. */
const GLUED_PREFIX = /^[坐乘搭打骑开交缴办买租养遛找老小新旧]/u;

/**
 * The query groups with each glued token no passage holds (坐地铁) given, as alternatives, the noun
 * after its first character and the noun's own alternatives (地铁, 轨道交通, 城市轨道交通) — when the
 * index or the lexicon knows that noun. Other groups are returned as they are.
 */
export async function ungluedGroups(
  groups: QueryGroup[],
  tokenizer: Pick<Tokenizer, 'tokenizeQuery'>,
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<QueryGroup[]> {
  const glued = groups.filter((g) => g.length === 1 && g[0].length >= 3 && GLUED_PREFIX.test(g[0]));
  if (glued.length === 0) return groups;
  const held = await heldBy(
    idf,
    glued.flatMap((g) => [g[0], g[0].slice(1)]),
  );
  return groups.map((group) => {
    if (!glued.includes(group) || held(group[0])) return group;
    const noun = group[0].slice(1);
    const [own] = tokenizer.tokenizeQuery(noun);
    const whole = own !== undefined && own[0] === noun;
    if (!whole || (own.length === 1 && !held(noun))) return group;
    const weights = own.map((_, i) => own.weights?.[i] ?? 1);
    return queryGroup([group[0], ...own], [1, ...weights]);
  });
}
