import { DEFAULT_BM25_PARAMS } from '../index/bm25-scoring.js';
import { jiebaCutAll } from '../text/jieba-loader.js';
import { type QueryGroup, type Tokenizer, withAlternatives } from '../text/tokenizer.js';
import { heldBy } from './held-terms.js';

/*
 * jieba keeps some phrases whole that no document holds, and the token then weighs as the rarest
 * of topics while its noun's official words never reach the search:
 * - a light verb or a size/age word glued to the noun after it: 坐地铁, 交学费, 老房子;
 * - a doubled verb or a verb with its object: 钓钓鱼, 读高中; a modifier with its head: 集中供暖.
 * Chinese compounds put their head last, so such a token is also searched as the word it ends with
 * (地铁 → 轨道交通, 钓鱼 → 垂钓, 供暖 → 供热).
 */

/** Light verbs (坐, 打, 交 …) and size/age words (老, 小, 新 …) that glue to a following noun. */
const GLUED_PREFIX = /^[坐乘搭打骑开交缴办买租养遛找老小新旧]/u;

const HAN = /^\p{Script=Han}+$/u;

/**
 * Weight of a head found in the dictionary (钓钓鱼 → 钓鱼) against the token as asked: the head is
 * wider than the phrase, so it helps rank without outweighing the question's other words. Chosen
 * on the tune halves (2026-12-01) among 0.3, 0.5, 0.8 and 1: 0.3 and 0.5 moved the same two
 * questions up (fresh-qd tune hit@1 0.519 → 0.556, fresh-qd2 tune hit@5 0.679 → 0.714), 1 none.
 */
const HEAD_WEIGHT = 0.5;

/**
 * The word `token` ends with, found in jieba's dictionary: the longest proper suffix of two or more
 * characters that no dictionary word of the token straddles, a doubled verb aside. 民政局 has none
 * (民政 straddles 政局), 集中供暖 has 供暖, 钓钓鱼 has 钓鱼 (钓钓 is a doubled verb). Pure given the
 * dictionary.
 */
export function dictionaryHead(token: string): string | undefined {
  const words = jiebaCutAll(token).filter((w) => w.length >= 2 && w !== token);
  let head: string | undefined;
  for (const word of words) {
    if (!token.endsWith(word) || (head && head.length >= word.length)) continue;
    const at = token.length - word.length;
    const straddled = words.some((w) => {
      if (w.length === 2 && w[0] === w[1]) return false; // a doubled verb: 钓钓鱼, 散散步
      for (let from = token.indexOf(w); from >= 0; from = token.indexOf(w, from + 1)) {
        if (from < at && from + w.length > at) return true;
      }
      return false;
    });
    if (!straddled) head = word;
  }
  return head;
}

/** The head a token is also searched as, and its weight; undefined when it has none. */
type HeadOf = (token: string) => { head: string; weight: number } | undefined;

/** After a glued light verb or size word the head is the rest of the token (坐地铁 → 地铁). */
const gluedHead: HeadOf = (token) =>
  GLUED_PREFIX.test(token) ? { head: token.slice(1), weight: HEAD_WEIGHT } : undefined;

/**
 * The query groups with each glued token no passage holds (坐地铁, 交学费, 老房子) given, as
 * alternatives, its noun and the noun's own alternatives (地铁, 轨道交通) — when the index holds the
 * noun or the lexicon maps it. The noun is the same thing as the token: it counts for coverage too.
 * Other groups are returned as they are.
 */
export function ungluedGroups(
  groups: QueryGroup[],
  tokenizer: Pick<Tokenizer, 'tokenizeQuery'>,
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<QueryGroup[]> {
  return withHeads(groups, tokenizer, idf, gluedHead);
}

/**
 * The query groups with each other token no passage holds given its dictionary head (钓钓鱼 →
 * 钓鱼 → 垂钓, 集中供暖 → 供暖 → 供热; `dictionaryHead`). For the search only: a head may be wider
 * than the word asked (补贴 of 育儿补贴), so a passage holding it does not cover the question's word,
 * and the coverage that decides whether to answer reads the groups without it.
 */
export function withDictionaryHeads(
  groups: QueryGroup[],
  tokenizer: Pick<Tokenizer, 'tokenizeQuery'>,
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<QueryGroup[]> {
  return withHeads(groups, tokenizer, idf, (token) => {
    if (GLUED_PREFIX.test(token)) return undefined;
    const head = dictionaryHead(token);
    return head ? { head, weight: HEAD_WEIGHT } : undefined;
  });
}

/**
 * Each group whose token (three or more Han characters) no passage holds under any alternative gets
 * its head (`headOf`) and the head's lexicon alternatives, at the head's weight, when the index
 * holds the head or the lexicon maps it.
 */
async function withHeads(
  groups: QueryGroup[],
  tokenizer: Pick<Tokenizer, 'tokenizeQuery'>,
  idf: (terms: string[]) => Promise<Map<string, number>>,
  headOf: HeadOf,
): Promise<QueryGroup[]> {
  const heads = new Map<QueryGroup, { head: string; weight: number }>();
  for (const group of groups) {
    const token = group[0];
    if (token.length < 3 || !HAN.test(token)) continue;
    const found = headOf(token);
    if (found) heads.set(group, found);
  }
  if (heads.size === 0) return groups;
  const held = await heldBy(
    idf,
    [...heads].flatMap(([group, { head }]) => [...group, head]),
  );
  return groups.map((group) => {
    const found = heads.get(group);
    if (!found || group.some(held)) return group;
    const { head, weight } = found;
    const [own] = tokenizer.tokenizeQuery(head);
    const whole = own !== undefined && own[0] === head;
    if (!whole || (own.length === 1 && !held(head))) return group;
    return withAlternatives(
      group,
      own.map((term, i) => ({ term, weight: weight * (own.weights?.[i] ?? 1) })),
      DEFAULT_BM25_PARAMS.synonymWeight,
    );
  });
}
