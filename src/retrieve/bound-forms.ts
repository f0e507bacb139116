import { DEFAULT_BM25_PARAMS } from '../index/bm25-scoring.js';
import { allOfTerm } from '../text/all-of-terms.js';
import { type QueryGroup, withAlternatives } from '../text/tokenizer.js';

/*
 * A bound a citizen asks with 最多, 至少 or 最低 ("最多能派几个人", "至少得提前多久", "温度最低得保证
 * 多少度") the rules state as a limit: 代表人数不得超过5人, 不得少于二十分钟, 不得低于18℃. jieba cuts
 * 不得超过 into 不得 and 超过, so such a word is also searched as those two words in one passage (an
 * all-of term, all-of-terms.ts), at a synonym's weight. Only the 不得 forms: 超过 or 低于 alone is as
 * often a condition (超过三年的, 低于14℃的) as a limit.
 */

const LIMITS: Readonly<Record<string, readonly string[]>> = {
  最多: ['超过'],
  最高: ['超过', '高于'],
  最长: ['超过'],
  最少: ['少于'],
  至少: ['少于'],
  最短: ['少于'],
  最低: ['低于'],
};

/** The all-of forms a bound word is also searched as (最多 → 不得+超过), or none. Pure. */
export function boundForms(token: string): string[] {
  return (LIMITS[token] ?? []).map((word) => allOfTerm(['不得', word]));
}

/** The query groups with each bound word given its 不得… forms as alternatives. Pure. */
export function withBoundForms(groups: QueryGroup[]): QueryGroup[] {
  return groups.map((group) => {
    const forms = boundForms(group[0]).filter((form) => !group.includes(form));
    if (forms.length === 0) return group;
    const weight = DEFAULT_BM25_PARAMS.synonymWeight;
    return withAlternatives(
      group,
      forms.map((term) => ({ term, weight })),
      weight,
    );
  });
}
