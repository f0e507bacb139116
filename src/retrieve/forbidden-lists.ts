import { announcesForbiddenList, asksWhatIsForbidden } from '../text/prohibitions.js';
import { asksForList } from './query-terms.js';

/**
 * Factor on the fused score of a passage that announces a list of what is forbidden or refused
 * ("房屋使用和装修过程中，禁止下列行为：") when the question asks for that list ("在青岛装修房子，
 * 有哪些事是规定绝对不能干的？"). Such questions share their words with every article of the law —
 * the ones on what must be reported, on the conditions to meet — and the prohibited list had ranked
 * 10th. Chosen on the tune halves (2026-12-01): 1.1 lifted it to 4th, 1.2 and 1.4 to 1st; no other
 * question moved but three more lists of this kind (2nd, 3rd, 5th → 1st). Applying such a factor to
 * every list question had cost citizen-qd check hit@1 (docs/answers.md, fifth round).
 */
export const FORBIDDEN_LIST_PRIOR = 1.2;

/** The factor for each passage's text, for `question`: FORBIDDEN_LIST_PRIOR or 1. Pure. */
export function forbiddenListPrior(question: string): (text: string) => number {
  if (!asksForList(question) || !asksWhatIsForbidden(question)) return () => 1;
  return (text) => (announcesForbiddenList(text) ? FORBIDDEN_LIST_PRIOR : 1);
}
