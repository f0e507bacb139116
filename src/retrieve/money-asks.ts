import { splitClauses } from '../text/sentences.js';

/*
 * A question after a sum of money — a fee, a price, an allowance: "供暖费每平方米多少钱", "每个月能领
 * 多少钱高龄津贴". A passage that states no sum answers it with nothing, and one whose only sums are
 * fines (处每平方米五百元以上二千元以下罚款) answers another question — unless a fine is what is asked.
 */

/** Asks for a sum of money: 多少钱, 几块钱, 多少元. */
const MONEY_ASK = /多少钱|几块钱|多少块|多少元/u;
/** Asks about a penalty, whose sum is a fine: 罚多少钱, 怎么处罚. */
const FINE_ASK = /罚/u;
/** A clause stating a fine: 处五百元以上二千元以下罚款. */
export const FINE_CLAUSE = /罚款|罚金/u;
/** A sum of money (100元, 五十元, 4.5万元) or a share of one (退还热费的50%, 百分之二十). */
const SUM =
  /(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)(?:万|亿)?元|\d+(?:\.\d+)?[%％]|百分之[零〇一二两三四五六七八九十百]+/u;

/** Whether the question asks for a sum of money that is not a fine. Pure. */
export function asksForSum(question: string): boolean {
  return MONEY_ASK.test(question) && !FINE_ASK.test(question);
}

/** Whether a text states a sum of money outside a fine clause. Pure. */
export function statesSum(text: string): boolean {
  return splitClauses(text).some((c) => {
    const clause = text.slice(c.start, c.end);
    return SUM.test(clause) && !FINE_CLAUSE.test(clause);
  });
}
