import type { Passage } from '../domain.js';
import { titleBigrams } from '../retrieve/guide-route.js';
import { normaliseForIndex } from '../text/normalise.js';

/*
 * Sibling 办事指南: guides of one matter that differ in a word or two of their titles — 办理往来台湾
 * 通行证探亲签注 and 办理往来港澳通行证探亲签注, 遗失技能人员职业资格证书补发 and 法律职业资格证书
 * 补发. Retrieval scores them almost alike on the words they share, and the first may be the one
 * the question does not name. The words that tell them apart decide.
 */

/** Passages read for siblings of the first guide. */
const SIBLING_DEPTH = 6;
/**
 * Share of the longer title's bigrams two sibling titles hold in common. 0.3, chosen on the tune
 * halves of the guide sets against 0.5 and 0.2 (2026-12-01): 法律职业资格证书的补发或更换 and
 * 遗失技能人员职业资格证书补发申请 share 0.43 of their pairs, 恢复企业职工养老保险待遇申请 and
 * 企业职工基本养老金申领 about a third; the question's own words then choose between them.
 */
const SIBLING_SHARE = 0.3;

/**
 * The guide passage to answer from: `passages[0]`, unless a sibling guide among the first passages
 * has more of the words that distinguish the two titles in the question ("往来港澳探亲签注" names
 * 港澳, not 台湾). Ties keep the retrieval's choice. Pure; `question` as asked.
 */
export function siblingGuide(question: string, passages: readonly Passage[]): Passage | undefined {
  const top = passages[0];
  if (top?.meta.type !== '办事指南') return top;
  const asked = normaliseForIndex(question);
  const own = titleBigrams(top.meta.title);
  const held = (words: Iterable<string>) => [...words].filter((w) => asked.includes(w)).length;
  let best = top;
  let bestMargin = 0;
  for (const p of passages.slice(1, SIBLING_DEPTH)) {
    if (p.meta.type !== '办事指南' || p.meta.id === top.meta.id) continue;
    const theirs = titleBigrams(p.meta.title);
    const shared = [...own].filter((b) => theirs.has(b)).length;
    // Siblings both ways: a long title that holds the first one's words among many of its own
    // (专职律师执业许可(外省律师事务所…申请执业) beside 律师事务所设立许可) is another matter.
    if (shared / Math.max(own.size, theirs.size, 1) < SIBLING_SHARE) continue;
    const margin =
      held([...theirs].filter((b) => !own.has(b))) - held([...own].filter((b) => !theirs.has(b)));
    if (margin > bestMargin) {
      best = p;
      bestMargin = margin;
    }
  }
  return best;
}
