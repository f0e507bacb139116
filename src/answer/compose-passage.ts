import type { Passage } from '../domain.js';
import { isListLead } from '../text/piece-labels.js';
import { crossReferenced } from './article-references.js';
import { KEEP_RATIO, type ScoredSentence } from './extractive-selection.js';
import { piecesOfPassage, type QuotedPiece } from './passage-pieces.js';

/**
 * A part of a multi-part question is answered within the documents of the question's first
 * passages: part-retrieval.ts searches them, and a number part may quote any of their passages.
 * Another article of the anchor's own rule joins an answer from among as many first passages.
 */
export const PART_DOCUMENTS = 3;

export interface PassageComposition {
  /** Pieces in the order shown: the anchor passage first, in document order, then the others. */
  pieces: QuotedPiece[];
  /** The best sentence, the one the lead (number, 可以/不可以) is read from. */
  anchor: ScoredSentence;
  /** Query term groups the pieces cover. */
  covered: Set<number>;
  /** The sentence added for an asking part (`parts`), by the part's index. */
  answeredParts: Map<number, ScoredSentence>;
}

/**
 * One asking part of a multi-part question ("收入低到什么程度才算经济困难？交了申请多久能给答复？"):
 * the query term groups it names, their weights, and for a number part a test that a sentence
 * states the number it asks.
 */
export interface AskedPart {
  groups: readonly number[];
  weights: readonly number[];
  /** Whether a text holds one of the part's terms. */
  holds: (text: string) => boolean;
  states?: (text: string) => boolean;
  /**
   * A part asking for the conditions, materials or cases (哪些条件, 要什么材料): answered by a list
   * or the sentence announcing one ("失业人员符合下列条件的…："), not by a sentence that names its
   * words while answering another part (…领取失业保险金的期限最长为十八个月).
   */
  enumerates?: boolean;
}

export interface PassageCompositionParams {
  /** A further sentence must score at least this share of the best one, 0..1, default KEEP_RATIO. */
  keepRatio?: number;
  /** Other passages that may add a sentence the anchor passage lacks, default 2. */
  maxOtherPassages?: number;
  /** Items of one enumerated list shown, default 12 (the longest material lists of the guides have 10–18). */
  maxItems?: number;
}

/**
 * Composes from one anchor passage, not from fragments: the passage of the best sentence gives
 * the answer. Another passage adds its sentence only when it scores close to the best and either
 * covers a query term group the answer lacks in a multi-part question (产假 and 护理假 in two
 * articles) or is another article of the anchor's own document among the first passages (the
 * rule's next article, an enumeration it continues). A sentence of another document that merely
 * shares a word with the question never joins. Pure.
 */
export function composeFromPassages(
  passages: Passage[],
  scored: ScoredSentence[],
  {
    multiPart,
    references = false,
    parts = [],
    placeGroups = new Set<number>(),
  }: {
    multiPart: boolean;
    /**
     * Bring in the articles of the anchor's document that the anchor names or that name it (the
     * rule and its penalty): for questions whose ask spans both ("能不能…", "会挨罚吗").
     */
    references?: boolean;
    /** The asking parts of a multi-part question: a part the pieces leave unanswered gets its own sentence. */
    parts?: readonly AskedPart[];
    /**
     * Groups that name a place (深圳, 市北区): a sentence holding only a place the answer lacks adds
     * nothing to a multi-part answer (a Shenzhen tax notice beside the residence-permit rule).
     */
    placeGroups?: ReadonlySet<number>;
  },
  { keepRatio = KEEP_RATIO, maxOtherPassages = 2, maxItems = 12 }: PassageCompositionParams = {},
): PassageComposition | undefined {
  // Passages a part found on its own search (part-retrieval.ts) serve that part only, below.
  const ownScored = scored.filter((s) => passages[s.passageIndex].why.askedPart === undefined);
  const anchor = ownScored[0];
  if (!anchor) return undefined;
  const close = ownScored.filter((s) => s.score >= anchor.score * keepRatio);
  const covered = new Set<number>(anchor.covers);
  const sameStarts = new Set(close.filter((s) => s.passageIndex === anchor.passageIndex).map((s) => s.start));
  for (const s of close) if (s.passageIndex === anchor.passageIndex) for (const g of s.covers) covered.add(g);
  const pieces = piecesOfPassage(passages[anchor.passageIndex], anchor.passageIndex, sameStarts, maxItems);
  if (pieces.length === 0) {
    // The best match was a heading line: quote it as it stands.
    pieces.push({
      passageIndex: anchor.passageIndex,
      start: anchor.start,
      end: anchor.end,
      text: anchor.text,
      item: false,
    });
  }
  const used = new Set([anchor.passageIndex]);
  const anchorDoc = passages[anchor.passageIndex].chunk.docId;
  if (references) {
    passages.forEach((passage, i) => {
      if (used.size > maxOtherPassages || used.has(i)) return;
      if (!crossReferenced(passages[anchor.passageIndex], passage)) return;
      const best = scored.find((s) => s.passageIndex === i);
      const more = piecesOfPassage(passage, i, new Set(best ? [best.start] : []), maxItems);
      if (more.length === 0) return;
      used.add(i);
      for (const g of best?.covers ?? []) covered.add(g);
      pieces.push(...more);
    });
  }
  for (const s of close) {
    if (used.size > maxOtherPassages) break;
    if (used.has(s.passageIndex)) continue;
    const adds = s.covers.some((g) => !covered.has(g) && !placeGroups.has(g));
    // Another part of a multi-part question, or another article of the anchor's own rule: the ranking
    // cannot tell two articles of one law apart by what the question means, and the one close behind
    // is often the one that answers ("饭店里能抽烟吗": the supervision article first, 禁止在下列场所吸烟
    // close behind; 在管道边上栽果树: the general ban, then the five-metre one), among the first
    // passages. Quoting both costs a longer answer; another document's sentence joins only for a part.
    const joins =
      (multiPart && adds) ||
      (s.passageIndex < PART_DOCUMENTS && passages[s.passageIndex].chunk.docId === anchorDoc);
    if (!joins) continue;
    const text = s.text;
    if (pieces.some((p) => p.text === text)) continue;
    for (const g of s.covers) covered.add(g);
    used.add(s.passageIndex);
    pieces.push(
      ...piecesOfPassage(passages[s.passageIndex], s.passageIndex, new Set([s.start]), maxItems, false),
    );
  }
  // A part no piece answers yet gets a sentence of its own from another passage: for a number part
  // the best that states its number, beside the part's words in one of the question's first
  // documents or in a passage found searching the part (part-retrieval.ts) — "交了申请多久能给答复"
  // → "…五个工作日内作出是否给予法律援助的书面决定"; for a conditions part the best list lead naming
  // one of its words, with its items; for another part the best sentence naming one of its words
  // ("测尾气，要交钱吗" → "抽测不得收取抽测费用").
  const answeredParts = new Map<number, ScoredSentence>();
  const partDocs = new Set([anchorDoc, ...passages.slice(0, PART_DOCUMENTS).map((p) => p.chunk.docId)]);
  const isQuoted = (passageIndex: number, start: number) =>
    pieces.some((p) => p.passageIndex === passageIndex && p.start === start);
  for (const [index, part] of parts.entries()) {
    if (answers(part, pieces, covered)) continue;
    const best = scored.find((s) => {
      // The anchor's passage may state a number part elsewhere in it (…一个月前备案。…十个工作日内核实).
      const inAnchor = s.passageIndex === anchor.passageIndex && part.states !== undefined;
      if ((used.has(s.passageIndex) && !inAnchor) || isQuoted(s.passageIndex, s.start)) return false;
      const passage = passages[s.passageIndex];
      // A place the answer lacks says where, not what the part asks (a Shenzhen tax notice's 深圳).
      const namesPart = s.covers.some((g) => part.groups.includes(g) && !placeGroups.has(g));
      // A list for a conditions or materials part names what the part is about, not a word it
      // says in passing (办理 of "深圳办理居住证需要什么材料" in a tax notice's 办税清单).
      if (part.enumerates) return isListLead(s.text) && s.covers.includes(heaviestOf(part, placeGroups));
      if (!part.states) return namesPart;
      return (
        part.states(s.text) &&
        ((namesPart && partDocs.has(passage.chunk.docId)) || foundFor(passage, index, part))
      );
    });
    if (!best) continue;
    answeredParts.set(index, best);
    for (const g of best.covers) covered.add(g);
    used.add(best.passageIndex);
    const more = piecesOfPassage(
      passages[best.passageIndex],
      best.passageIndex,
      new Set([best.start]),
      maxItems,
      false,
    ).filter((m) => !isQuoted(m.passageIndex, m.start));
    if (best.passageIndex === anchor.passageIndex) {
      // In the anchor's own passage, whose pieces come first: quoted with them, in the passage's order.
      const own = pieces.filter((p) => p.passageIndex === anchor.passageIndex).length;
      pieces.splice(0, own, ...[...pieces.slice(0, own), ...more].sort((a, b) => a.start - b.start));
    } else pieces.push(...more);
  }
  return { pieces, anchor, covered, answeredParts };
}

/**
 * Whether a passage was found searching this part, or — for a number part, whose number the
 * sentence must state anyway — any part: each passage is handed over once, to the first part
 * that found it.
 */
function foundFor(passage: Passage, index: number, part: AskedPart): boolean {
  const by = passage.why.askedPart;
  return by !== undefined && (by === index || part.states !== undefined);
}

/** Whether the pieces answer a part: state its number beside its words, or hold its heaviest term. */
function answers(part: AskedPart, pieces: readonly QuotedPiece[], covered: ReadonlySet<number>): boolean {
  if (part.groups.length === 0) return true;
  // A list stands in the answer, or the sentence announcing it names the part's words.
  if (part.enumerates)
    return pieces.some((p) => p.item) || pieces.some((p) => isListLead(p.text) && part.holds(p.text));
  // The number must stand beside the part's own words: 有效期十年 does not answer 多久能拿到.
  if (part.states) return pieces.some((p) => part.states?.(p.text) && part.holds(p.text));
  return covered.has(heaviestOf(part));
}

/** The part's query term group of the largest weight, places left out when it names anything else. */
function heaviestOf(part: AskedPart, placeGroups: ReadonlySet<number> = new Set()): number {
  const own = part.groups.flatMap((g, i) => (placeGroups.has(g) ? [] : [i]));
  const from = own.length > 0 ? own : part.groups.map((_, i) => i);
  let best = from[0];
  for (const i of from) if (part.weights[i] > part.weights[best]) best = i;
  return part.groups[best];
}
