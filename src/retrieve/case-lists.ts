/** Asks in which cases: 哪些情况下可以取出来用, 什么情形下不能享受. */
const CASES_ASK = /(?:哪些|什么|哪几种|哪种)(?:情况|情形)/u;
/** Announces the cases a rule lists: 有下列情形之一的，可以提取…, 属于以下情况之一的. */
const CASES_LIST = /(?:下列|以下)(?:情形|情况)之一/u;

/**
 * Factor on the fused score of a passage that announces a list of cases ("职工有下列情形之一的，可以
 * 提取职工住房公积金账户内的存储余额：") when the question asks in which cases ("住房公积金在哪些情况下
 * 可以提出来用？"). Such a question shares its words with every article of the law — the centre's
 * duties, the bank's payment — and the listing article had ranked 4th to 23rd. The same factor as
 * for a list of what is forbidden (forbidden-lists.ts); a passage that is both is lifted once, and a
 * question asking in which cases one may not ("哪些情况下…就不能再享受带薪年休假了") is lifted to the
 * list of cases too ("有下列情形之一的，不享受当年的年休假"), which no prohibition announces.
 * Chosen on the tune halves (2026-12-03): 1.1 gained one tune answer, 1.2 and 1.4 two (fresh-qd2
 * 0.726 → 0.762, fresh-qd10 0.651 → 0.682), with no loss, and a third with the cases one may not
 * (fresh-qd12 0.600 → 0.650); every check half held or rose (fresh-qd2 0.486 → 0.528), ncpqa-dev
 * unchanged. (A factor for every list question had cost citizen-qd check hit@1 in the fifth round:
 * "哪些材料" or "哪几项" ask no cases.)
 */
export const CASE_LIST_PRIOR = 1.2;

/** The factor for each passage's text, for `question`: CASE_LIST_PRIOR or 1. Pure. */
export function caseListPrior(question: string): (text: string) => number {
  if (!CASES_ASK.test(question)) return () => 1;
  return (text) => (CASES_LIST.test(text) ? CASE_LIST_PRIOR : 1);
}
