/**
 * What a question asks for beyond its topic. A citizen asking "会挨罚吗" wants the article's
 * sanction, not the rule it sanctions; "能不能自己锯掉" wants the rule that allows or forbids, and
 * the sanction that goes with it. The topic terms pick the article; the ask picks, among the
 * sentences that share those terms, the one that answers, and which articles go together.
 */

/** The consequence of breaking a rule: 会挨罚吗, 怎么处罚, 要负什么责任, 合法吗. */
const PENALTY_ASK = /罚|处分|法律责任|追究|违法吗|合法吗|犯法|后果/u;

/** A sanction stated by a sentence: a fine, a warning, an order to stop, a revoked licence. */
const SANCTION = /罚款|警告|拘留|吊销|没收|处分|责令(?:停止|改正|限期|恢复|补植)|追究/u;

/** Allowed or not: 能不能, 可以…吗, 行不行, 允许吗, 让不让. */
const PERMISSION_ASK =
  /能不能|能否|可不可以|可否|可以.{0,12}吗|能.{0,12}吗|允许|行不行|让不让|准不准|有没有权|有权/u;

/** Whether the question asks about a penalty ("会挨罚吗", "怎么处罚"). Pure. */
export function asksPenalty(question: string): boolean {
  return PENALTY_ASK.test(question);
}

/** Whether the question asks whether something is allowed ("能不能", "可以…吗"). Pure. */
export function asksPermission(question: string): boolean {
  return PERMISSION_ASK.test(question);
}

/** Whether a sentence states a sanction (罚款, 警告, 责令停止 …). Pure. */
export function statesSanction(sentence: string): boolean {
  return SANCTION.test(sentence);
}
