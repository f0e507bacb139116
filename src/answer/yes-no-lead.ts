import { isListLead, LEADING_ENUMERATOR } from '../text/piece-labels.js';
import { statesProhibition } from '../text/prohibitions.js';
import {
  asksAboutFee,
  asksLegality,
  asksPenalty,
  asksPermission,
  asksWhetherRuleExists,
  statesSanction,
} from './ask-kinds.js';

/*
 * The yes/no lead of an answer: 可以/不可以 for a permission question, 需要/不需要 for an obligation,
 * 会 for "会挨罚吗" — read from the best sentence, never invented; none when its wording is not
 * one-sided. The number lead is in compose-lead.ts.
 */

const YES_NO_QUESTION =
  /吗[？?！!。\s]*$|能不能|能否|可不可以|可否|是否|行不行|允不允许|要不要|需不需要|用不用|会不会/;
/** Asks whether something is required, in so many words: 需要…吗, 需不需要, 要不要, 用不用. */
const REQUIRED_ASK = '要不要|需不需要|用不用|需要.*吗';
/**
 * Asks whether a sum is to be paid: 交…钱/费…吗, 收费吗, 这钱该交吗. Only 收 and 交 beside 钱 or 费:
 * any 收 or 交 before 吗 read 公交…免费吗, 收藏, 交给她 and 秋收 as fee questions, and "青岛的公交车
 * 老年人免费吗" was answered 不需要 (measured 2026-12-02).
 */
const FEE_OBLIGATION =
  '(?:收|交|缴|付)[^，。？?！!]{0,4}(?:钱|费)[^，。？?！!]*吗|(?:钱|费)[^，。？?！!]{0,6}(?:收|交|缴|付|出)吗';
/** Asks an obligation, a fee among them: the words above, or 要…吗, 得…吗, a fee to pay, 掏钱. */
const OBLIGATION = new RegExp(`${REQUIRED_ASK}|要.*吗|得.*吗|${FEE_OBLIGATION}|掏钱`);
/** Asks a duty (as REQUIRED_ASK, or 必须…吗), which a permission does not answer. */
const NEEDS = new RegExp(`${REQUIRED_ASK}|必须.*吗`);
const EXEMPT = /免费|免交|免收|免征|免缴|免予|无需|不需要|不收费|不收取|不得收取|无须/;
const PERMISSIVE = /可以|有权|允许|准予|予以|具有同等法律效力/;
const CONDITION = /应当|须|需|经.*同意|但|的，/;

/** The lead of a question whether the conduct is lawful, answered by a rule that forbids or sanctions it. */
const LEGALITY_LEAD = '不符合规定';

/** The lead of a yes/no penalty question answered by a sanction sentence. */
const PENALTY_LEAD = '会，违反规定的要受处罚';

/**
 * 可以/不可以 (permission questions) or 需要/不需要 (obligation questions) from the best sentence,
 * when its wording is one-sided; a sentence that both allows and forbids gets no lead.
 */
export function yesNoLead(question: string, sentence: string): string | undefined {
  if (!YES_NO_QUESTION.test(question)) return undefined;
  // "…这样合规吗" asks whether the conduct described is lawful: a rule forbidding or sanctioning it
  // answers 不符合规定 (not 不需要 because it says 不得收取, nor 会 because it names a fine).
  if (asksLegality(question))
    return statesProhibition(sentence) || statesSanction(sentence) ? LEGALITY_LEAD : undefined;
  // "会挨罚吗" asks whether a sanction follows, not whether the act is allowed: the sanction
  // sentence answers 会; another sentence gives no lead.
  if (asksPenalty(question)) return statesSanction(sentence) ? PENALTY_LEAD : undefined;
  // "山东这边有规定吗" asks whether a rule exists, not whether one may: the quoted rule answers it,
  // and 不可以 from its 不得 would answer another question.
  if (asksWhetherRuleExists(question) && !asksPermission(question)) return undefined;
  const exempt = EXEMPT.test(sentence);
  if (OBLIGATION.test(question) && exempt) return '不需要';
  // "调解要收钱吗" asks whether one pays, not whether one may: a sentence allowing the act (当事人
  // 可以申请调解) does not answer it, only one that exempts from the fee.
  if (asksAboutFee(question)) return undefined;
  const no = statesProhibition(sentence);
  const yes = PERMISSIVE.test(sentence);
  if (no === yes || exempt) return undefined;
  // "需要登记吗" asks a duty: a sentence that permits something (…有权拒绝) does not answer it.
  if (yes && NEEDS.test(question) && !asksPermission(question)) return undefined;
  // "狗主人要负责吗" asks a duty, and a sentence that forbids (禁止…伤害他人) does not answer it with
  // 不可以, which answers whether one may.
  if (no && OBLIGATION.test(question) && !asksPermission(question)) return undefined;
  if (no) return '不可以';
  // The 可以 of a sanction ("…的，责令改正，可以处罚款") is the authority's power over the act
  // asked about, not a permission to do it.
  if (statesSanction(sentence)) return undefined;
  return CONDITION.test(sentence) ? '可以，但要符合规定' : '可以';
}

/**
 * The anchor sentence, with the lead of its list when it is an item: "（七）允许商业广告…进入幼儿园
 * 的" reads as a permission alone, and as an act sanctioned under "有下列行为之一的…没收违法所得：".
 */
export function withListLead(
  pieces: readonly { passageIndex: number; end: number; text: string }[],
  anchor: { passageIndex: number; start: number; text: string },
): string {
  if (!LEADING_ENUMERATOR.test(anchor.text)) return anchor.text;
  const lead = pieces
    .filter((p) => p.passageIndex === anchor.passageIndex && p.end <= anchor.start && isListLead(p.text))
    .at(-1);
  return lead ? `${lead.text}${anchor.text}` : anchor.text;
}
