import { type QueryGroup, queryGroup } from '../text/tokenizer.js';
import { isDictionaryVerb } from '../text/verb-compounds.js';
import { heldBy } from './held-terms.js';

/*
 * In speech a verb carries what comes of the act: a direction (挖出来, 带回去, 租下来, 投进去), a
 * result (收走, 扔掉, 拿到, 签完) or an aspect with a classifier (开了个). jieba keeps many such
 * phrases whole, no rule writes them, and the token then weighs as the rarest of topics while the
 * act itself is never searched. The rules name the act alone (挖掘, 丢弃, 出租), so the token is read
 * as its verb.
 */

/**
 * What follows a verb in speech: the compound and simple directional complements, the resultative
 * ones, and 了 with a classifier. Longest first, so 出来 is taken before 出. Not 成 (what a thing is
 * turned into): in 划成基本农田 the verb means designating, a sense its compounds (划伤, 划拨) do not
 * share, and the evidence article fell out of the first ten (measured 2026-12-03).
 */
const AFTER_VERB = [
  '出来',
  '出去',
  '进来',
  '进去',
  '上来',
  '上去',
  '下来',
  '下去',
  '回来',
  '回去',
  '过来',
  '过去',
  '起来',
  '开来',
  '了个',
  '走',
  '掉',
  '到',
  '完',
  '进',
  '出',
  '回',
];

const HAN = /^\p{Script=Han}+$/u;

/**
 * The verb of a token made of a verb and what follows it (挖出来 → 挖, 收走 → 收, 开了个 → 开,
 * 公开出来 → 公开); undefined for any other token. A one-character verb must be a verb in jieba's
 * dictionary; a longer one must be held by the index (`held`), so that only a word the rules use
 * replaces the phrase. Pure given the dictionary.
 */
export function verbBefore(token: string, held: (word: string) => boolean): string | undefined {
  if (!HAN.test(token)) return undefined;
  for (const after of AFTER_VERB) {
    if (!token.endsWith(after) || token.length <= after.length) continue;
    const verb = token.slice(0, -after.length);
    if (verb.length === 1 ? isDictionaryVerb(verb) : held(verb)) return verb;
  }
  return undefined;
}

/**
 * The query groups with each token no passage holds that is a verb with its complement (挖出来,
 * 收走, 租下来) read as the verb alone. A one-character verb then goes on to its compounds
 * (single-verbs.ts: 挖 → 开挖, 挖掘) or, too general to name an act (拿, 带, 开), out of the search
 * as an ambiguous morpheme, as when the citizen says it alone. Other groups are returned as they are.
 */
export async function withoutComplements(
  groups: QueryGroup[],
  idf: (terms: string[]) => Promise<Map<string, number>>,
): Promise<QueryGroup[]> {
  const candidates = groups.filter(
    (g) => g.length === 1 && g[0].length >= 2 && AFTER_VERB.some((after) => g[0].endsWith(after)),
  );
  if (candidates.length === 0) return groups;
  const prefixes = candidates.flatMap((g) =>
    AFTER_VERB.filter((after) => g[0].endsWith(after)).map((after) => g[0].slice(0, -after.length)),
  );
  const held = await heldBy(idf, [...candidates.map((g) => g[0]), ...prefixes.filter((p) => p.length >= 2)]);
  // A verb the question already says (挖地基 … 挖出来) is searched once.
  const said = new Set(groups.filter((g) => g.length === 1).map((g) => g[0]));
  const out: QueryGroup[] = [];
  for (const group of groups) {
    const verb = candidates.includes(group) && !held(group[0]) ? verbBefore(group[0], held) : undefined;
    if (verb === undefined) out.push(group);
    else if (!said.has(verb)) {
      said.add(verb);
      out.push(queryGroup([verb], [1]));
    }
  }
  return out;
}
