import { askedUnits } from './number-phrases.js';
import { ADVANCE_ASK } from './time-phrases.js';

/**
 * What a question asks for beyond its topic. A citizen asking "会挨罚吗" wants the article's
 * sanction, not the rule it sanctions; "能不能自己锯掉" wants the rule that allows or forbids, and
 * the sanction that goes with it. The topic terms pick the article; the ask picks, among the
 * sentences that share those terms, the one that answers, and which articles go together.
 */

/** Whether anyone deals with the conduct: 这种事有人管吗, 管不管. */
const ANYONE_DEALS = '有人管|管不管|没人管';

/** The consequence of breaking a rule: 会挨罚吗, 怎么处罚, 要负什么责任, 合法吗, 这种事有人管吗. */
const PENALTY_ASK = new RegExp(`罚|处分|法律责任|追究|违法吗|合法吗|犯法|后果|${ANYONE_DEALS}`, 'u');

/** A sanction stated by a sentence: a fine, a warning, an order to stop, a revoked licence. */
const SANCTION = /罚款|警告|拘留|吊销|没收|处分|责令(?:停止|改正|限期|恢复|补植)|追究/u;

/** Whether what was done is lawful: 这样合规吗, 这合理吗, 这符合规定吗, 这说法站得住吗. */
const LEGALITY_ASK = /合规|合法吗|合理吗|符合规定吗|违法吗|违规吗|站得住/u;

/** The words that ask whether something is allowed, whatever it is: 能不能, 允许, 行不行. */
const ALLOWED_WORDS = '能不能|能否|可不可以|可否|允许|行不行|让不让|准不准';

/**
 * Allowed or not: 能不能, 可以…吗, 行不行, 允许吗, 让不让 — and whether what was done is lawful, which
 * the same rule and its sanction answer.
 */
const PERMISSION_ASK = new RegExp(
  `${ALLOWED_WORDS}|可以.{0,12}吗|能.{0,12}吗|有没有权|有权|${LEGALITY_ASK.source}`,
  'u',
);

/** Asks whether a rule exists (有规定吗, 有没有相关规定, 有什么规定吗), not whether an act is allowed. */
const RULE_EXISTS = /有(?:没有)?(?:什么|这个?|相关)?规定/u;

/** Whether the question asks whether a rule exists ("山东这边有规定吗"). Pure. */
export function asksWhetherRuleExists(question: string): boolean {
  return RULE_EXISTS.test(question);
}

/**
 * The words of a clause that only ask whether something is allowed or has consequences (这符合规定吗,
 * 这种事有人管吗), with the conduct they ask about left in place ("我能不配合吗" keeps 不配合): the quoted
 * rule answers them.
 */
const WHETHER_ALLOWED = new RegExp(
  `${ALLOWED_WORDS}|合不合法|是否合法|合不合理|符合规定|${RULE_EXISTS.source}|${LEGALITY_ASK.source}|${ANYONE_DEALS}`,
  'gu',
);

/** Whether the question asks about a penalty ("会挨罚吗", "怎么处罚"). Pure. */
export function asksPenalty(question: string): boolean {
  return PENALTY_ASK.test(question);
}

/** Whether the question asks whether something is allowed ("能不能", "可以…吗"). Pure. */
export function asksPermission(question: string): boolean {
  return PERMISSION_ASK.test(question);
}

/** Whether the question asks whether what was done is lawful ("这样合规吗", "这合理吗"). Pure. */
export function asksLegality(question: string): boolean {
  return LEGALITY_ASK.test(question);
}

/** A clause without the words that ask whether it is allowed ("这符合规定吗" → "这"). Pure. */
export function withoutWhetherAllowed(clause: string): string {
  return clause.replace(WHETHER_ALLOWED, '');
}

/** Whether a sentence states a sanction (罚款, 警告, 责令停止 …). Pure. */
export function statesSanction(sentence: string): boolean {
  return SANCTION.test(sentence);
}

/**
 * Asks for a span of time: 多久, 多长时间, and a span asked by its bound in a unit of time (最长能定几年,
 * 最多能休几天), which the rules state by their bound (一般不超过五年), not by a condition (超过三年的).
 */
const BOUND_ASK = /(?:最长|最短|最多|最少)[^，。？?；]{0,6}几(?:年|个月|周|天|日|个?小时)/u;
const DURATION_ASK = new RegExp(`多久|多长时间|多长|${BOUND_ASK.source}`, 'u');

/** Whether the question asks a span by its bound (最长能定几年, 最多能休几天). Pure. */
export function asksBoundedSpan(question: string): boolean {
  return BOUND_ASK.test(question);
}

/** Whether the question asks how long (多久, 多长时间). Pure. */
export function asksDuration(question: string): boolean {
  return DURATION_ASK.test(question);
}

/** Whether it costs money: 要收钱吗, 要交费吗, 要花钱吗. */
const FEE_ASK = /收钱|交钱|收费|要钱|花钱|免费|掏钱|给钱|出钱|(?:交|缴|付)[^，。？?！!]{0,4}费/u;

/** Whether the question asks whether something costs money ("调解要收钱吗"). Pure. */
export function asksAboutFee(question: string): boolean {
  return FEE_ASK.test(question);
}

const COUNT = '[零〇一二两三四五六七八九十百千\\d]+';
/**
 * A span stated by its bound: 期限最长为十二个月, 一般不超过1年, 为期三十日. "失业了能领多长时间失业金"
 * is answered by "…领取失业保险金的期限最长为12个月", which names no deadline (N日内).
 */
const SPAN_BOUND = '(?:最长|最多|最短|不超过|不得超过|不少于|不得少于|期限为|期限是|为期)为?';
/** A span stated by its bound, the span captured (…期限最长为12个月 → 12个月). */
export const BOUNDED_SPAN = new RegExp(`${SPAN_BOUND}(${COUNT}个?(?:工作日|日|天|小时|月|年|周))`, 'u');

/**
 * Kinds of ask a sentence can answer beyond the topic: how long (a time limit stated as N日内), who
 * (由…负责/选定), where (向…机关申请, 到…办理) and whether it costs money (收取, 费用, 免费). Each pairs
 * the question's words with the sentence's.
 */
const ASK_KINDS: readonly { ask: RegExp; answer: RegExp }[] = [
  // How far in advance (提前多久, 提前几天): an advance (提前七日, 四十八小时前), not a time limit.
  {
    ask: ADVANCE_ASK,
    answer: new RegExp(
      `(?:提前|前)${COUNT}个?(?:工作日|日|天|小时|个月|月|周)|${COUNT}个?(?:工作日|日|天|小时|个月|月|周)(?:前|以前|之前)`,
      'u',
    ),
  },
  {
    ask: /(?<!提前)(?:多久|多长时间|几天|多少天|几个工作日)|时间要求|期限|什么时候|(?<![好十这那前过几])几(?:年|个月|周|个?小时)|最长|最短/u,
    answer: new RegExp(`${COUNT}个?(?:工作)?(?:日|天|小时|个月)(?:内|以内|之内)|${BOUNDED_SPAN.source}`, 'u'),
  },
  {
    ask: /谁|哪个部门|什么部门|哪个单位|什么机构/u,
    answer: /由[^，。；：]{1,30}(?:负责|确定|选定|决定|组织|认定|指定)/u,
  },
  {
    ask: /哪儿|哪里|去哪|在哪|什么地方|何处/u,
    answer: /向[^，。；：]{1,30}(?:机关|部门|机构|窗口|中心)|到[^，。；：]{1,20}(?:办理|申请)/u,
  },
  { ask: FEE_ASK, answer: /收取|费用|免费|不收|免收|免交/u },
];

/**
 * Whether a sentence answers a kind of ask the question makes: "去哪儿补办" → "…向原办理婚姻登记的机关
 * …申请补领", "有时间要求吗" → "…自出具证明之日起十五日内…", "要花钱吗" → "…免费开放". Pure.
 */
export function answersAskKind(question: string, sentence: string): boolean {
  return ASK_KINDS.some(({ ask, answer }) => {
    if (!ask.test(question)) return false;
    const found = answer.exec(sentence);
    if (!found) return false;
    // 提前多少天 is not answered by 提前24小时: an advance asked in a unit is stated in it.
    const units = ask === ADVANCE_ASK ? askedUnits(question) : undefined;
    return !units || units.some((unit) => found[0].includes(unit));
  });
}
