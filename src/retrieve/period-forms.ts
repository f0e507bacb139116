import { DEFAULT_BM25_PARAMS } from '../index/bm25-scoring.js';
import { allOfTerm } from '../text/all-of-terms.js';
import { type QueryGroup, withAlternatives } from '../text/tokenizer.js';

/*
 * A period a citizen names with 期 the rules write with 期限: 执行期 / 专项资金的执行期限, 承包期 /
 * 承包期限, 过渡期 / 延长过渡期限. jieba keeps 执行期, 承包期 and 过渡期 whole but cuts 执行期限 into 执行
 * and 期限 (the …期限 words are not in its dictionary), so the asked word never meets the documents'
 * and weighs as the rarest of topics. Such a token is also searched as its stem and 期限 in one
 * passage (an all-of term, all-of-terms.ts), at a synonym's weight: the same period, for the search
 * and for the coverage that decides whether to answer.
 */

const PERIOD = /^\p{Script=Han}{2,}期$/u;

/** The all-of form a 期 token is also searched as (执行期 → 执行+期限), or undefined. Pure. */
export function periodForm(token: string): string | undefined {
  return PERIOD.test(token) ? allOfTerm([token.slice(0, -1), '期限']) : undefined;
}

/** The query groups with each …期 token given its …期限 form as an alternative. Pure. */
export function withPeriodForms(groups: QueryGroup[]): QueryGroup[] {
  return groups.map((group) => {
    const form = periodForm(group[0]);
    if (!form || group.includes(form)) return group;
    const weight = DEFAULT_BM25_PARAMS.synonymWeight;
    return withAlternatives(group, [{ term: form, weight }], weight);
  });
}
