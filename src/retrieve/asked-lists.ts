/**
 * The lists a question asks for and how a rule announces them: in which cases (哪些情况下可以提取 →
 * 有下列情形之一的), which materials or papers (交房时给我们哪些材料, 领结婚证要带啥 → 应当提供下列材料,
 * 出具下列证件和证明材料).
 */
const ASKED_LISTS: readonly { ask: RegExp; list: RegExp }[] = [
  { ask: /(?:哪些|什么|哪几种|哪种)(?:情况|情形)/u, list: /(?:下列|以下)(?:情形|情况)之一/u },
  {
    ask: /(?:哪些|什么|啥)(?:材料|证件|资料|证明)|带(?:什么|啥|哪些)/u,
    list: /(?:下列|以下)(?:证件|材料|证明|文件|资料)/u,
  },
];

/**
 * Factor on the fused score of a passage that announces the list the question asks for: "职工有下列
 * 情形之一的，可以提取职工住房公积金账户内的存储余额：" for "住房公积金在哪些情况下可以提出来用？",
 * "房地产开发企业交付商品房时，应当向买受人提供下列材料：" for "开发商交房时应该给我们哪些材料？".
 * Such a question shares its words with every article of the law — the centre's duties, the bank's
 * payment, the acceptance before handover — and the listing article had ranked 2nd to 23rd. The same
 * factor as for a list of what is forbidden (forbidden-lists.ts); a passage that is both is lifted
 * once, and a question asking in which cases one may not ("哪些情况下…就不能再享受带薪年休假了") is
 * lifted to the list of cases too ("有下列情形之一的，不享受当年的年休假"), which no prohibition
 * announces. Chosen on the tune halves (2026-12-03), cases first: 1.1 gained one tune answer, 1.2 and
 * 1.4 two (fresh-qd2 0.726 → 0.762, fresh-qd10 0.651 → 0.682) with no loss, and a third with the cases
 * one may not (fresh-qd12 0.600 → 0.650); materials at 1.2 one more (fresh-qd13 0.375 → 0.417). Every
 * check half held or rose (fresh-qd2 0.486 → 0.528, fresh-qd6 0.444 → 0.492), ncpqa-dev unchanged.
 * Lists of conditions (下列条件) and of rights (下列权利) were measured too and moved no answer. (A
 * factor for every list question had cost citizen-qd check hit@1 in the fifth round: "哪几项" or
 * "哪些部门" ask for no announced list.)
 */
export const ASKED_LIST_PRIOR = 1.2;

/** The factor for each passage's text, for `question`: ASKED_LIST_PRIOR or 1. Pure. */
export function askedListPrior(question: string): (text: string) => number {
  const asked = ASKED_LISTS.filter((kind) => kind.ask.test(question));
  if (asked.length === 0) return () => 1;
  return (text) => (asked.some((kind) => kind.list.test(text)) ? ASKED_LIST_PRIOR : 1);
}
