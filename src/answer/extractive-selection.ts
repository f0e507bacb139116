import { type Passage, RETRIEVAL_DEFAULTS } from '../domain.js';
import { askedQuantity, asksForList, asksForNumber } from '../retrieve/query-terms.js';
import { termWeights } from '../retrieve/relevance.js';
import { textHolds } from '../text/all-of-terms.js';
import { normaliseForIndex } from '../text/normalise.js';
import { isListLead, LEADING_ENUMERATOR } from '../text/piece-labels.js';
import { asksWhatIsForbidden, statesProhibition } from '../text/prohibitions.js';
import { splitSentences } from '../text/sentences.js';
import { answersAskKind, asksDuration, asksPenalty, statesSanction } from './ask-kinds.js';
import { askedUnits, statesAmountOf } from './number-phrases.js';

/** A sentence of a passage that may answer the question; offsets are into the document text. */
export interface ScoredSentence {
  passageIndex: number;
  start: number;
  end: number;
  text: string;
  score: number;
  /**
   * The order of the sentences: `score` plus what the sentence's passage says around it
   * (PASSAGE_SHARE). Only the order: the composition compares `score` when it lets further
   * sentences join.
   */
  order: number;
  /** Indexes of the query term groups the sentence contains. */
  covers: number[];
}

export interface SelectionParams {
  /** Passages whose sentences are considered, default `RETRIEVAL_DEFAULTS.k` (the service's RETRIEVAL_K). */
  depth?: number;
  /** A further sentence must score at least this share of the best one, 0..1, default KEEP_RATIO. */
  keepRatio?: number;
}

/** The share of the best sentence's score at which another sentence counts as close to it. */
export const KEEP_RATIO = 0.7;

/**
 * How strongly the retrieval score of a sentence's passage weighs: a sentence's coverage is
 * multiplied by (passage score / best passage score) ** this. Coverage alone let a long sentence
 * of a lower passage that names many question words (a national rule on driving schools that
 * mentions 学员 and 教练员) beat the article the retriever ranked first for the question. Chosen on
 * the tune halves (2026-11-30, Qingdao subset): key-point recall of citizen-qd-dev 0.464 with the
 * former rank discount (4 % a rank), 0.478 / 0.522 / 0.522 / 0.522 / 0.522 with exponents 1 / 2 / 3
 * / 4 / 6 (seed-dev 0.859 / 0.897 / 0.897 / 0.897 / 0.872); 3 is the middle of the plateau.
 */
const RETRIEVAL_PRIOR_EXPONENT = 3;

/**
 * Bonus of a sentence stating a sanction when the question asks about a penalty ("会挨罚吗" →
 * "处三百元以上五百元以下罚款"), the same as a number question's number: enough to part sentences
 * of equal coverage (tune key-point recall of citizen-qd-dev 0.438 → 0.455, 2026-11-30). The same
 * bonus for permission asks (不得/可以) and for amounts with units lowered it (0.522 → 0.478), so
 * those get none.
 */
const SANCTION_BONUS = 0.15;

/**
 * Bonus of a sentence that forbids or refuses (不得, 禁止, 不予) when a list question asks what is
 * forbidden ("中介机构有哪些做法是明令禁止的" → "职业中介机构不得有下列行为：", "哪些情况下人家会不给办"
 * → "…有下列情形之一的，婚姻登记机关不予登记："). Without it the list of another article of the
 * document led (设立职业中介机构应当具备下列条件). Chosen on the tune halves (2026-12-01): 0.1 and 0.2
 * gained one question, 0.3, 0.4 and 0.5 two, with no loss; 0.4 is the middle of that plateau.
 */
const FORBIDDEN_LIST_BONUS = 0.4;

/**
 * Bonus of a sentence that answers the kind of ask the question makes (`answersAskKind`: how long,
 * who, where, whether it costs). Chosen on the tune halves (2026-12-01): 0.1 gained "结婚证找不着了，
 * 去哪儿补办？" and "…连续开多长时间必须停下来歇一歇？" with no loss; 0.2 gained one more and lost
 * another ("…最长能休多久？").
 */
const ASK_KIND_BONUS = 0.1;

/**
 * Bonus of a sentence that announces a list ("有下列情形之一的，可以提取…：", "…应当报废更新：") when
 * the question asks which cases, conditions or acts (哪些, 什么情况): without it an article of the same
 * document that names the question's words in a plain sentence led ("企业出租、转让或者报废设备，必须
 * 遵守国家有关规定" for "碰到哪些情况就应该报废更新了？"). Chosen on the tune halves (2026-12-02): 0.1,
 * 0.2 and 0.4 each gained fresh-qd7 and fresh-qd8 one question, lost none; 0.2 is the middle.
 */
const LIST_LEAD_BONUS = 0.2;

/**
 * The provision that puts the rule itself in force (本规定自…起施行) or repeals an earlier one; not a
 * rule's own 自批准之日起实施, which says when a measure applies.
 */
const FINAL_PROVISION = /本[^，。；]{0,12}自[^，。；]{1,30}起(?:施行|实施|生效)|同时废止/u;
/**
 * A case a sentence opens with: a condition clause (…的，) that names an appeal, a revocation or an
 * overdue party — "申请人对人民法院驳回申请不服…的，可以自裁定生效之日起五日内…申请复议",
 * "纳税人被…吊销营业执照…的，应当自…15日内…". Asked without such a case, the sentence answers
 * another one.
 */
const STATED_CASE = /^[^，。；：]{0,60}?(不服|复议|吊销|撤销|注销|终止|解散|破产|逾期)[^，。；：]{0,40}的，/u;
/**
 * Factor on such a sentence's score when the question does not name its case. Chosen on the tune
 * halves (2026-12-03): 0.8 moved no answer; 0.6 and 0.4 gave the same two questions their
 * decision time (七十二小时内, not the appeal's 五日内); 0.4 also moved an answer of no key point.
 */
const CASE_FACTOR = 0.6;

/** A question after when a rule took effect or whether it is in force. */
const WHEN_ASK = /施行|实施|生效|废止|失效|有效|什么时候|何时|哪天|哪一天|几号|日期|哪年/u;

const DIGIT = /\d|[一二三四五六七八九十百千万亿]+[项个家处条年月日%％]/;

/**
 * Share of a term's weight a sentence gets when its passage's heading (document title, chapter,
 * article) names the term and the sentence does not: the rules of 《青岛市崂山风景区条例》 are about
 * 崂山 without repeating it ("风景区实行全年森林防火…禁止…烧烤"). Chosen on the tune halves
 * (0.3, 0.5, 0.8 measured 2026-11-30; 0.5 read best on fresh-qd and ncpqa-dev answers).
 */
const HEADING_SHARE = 0.5;

/**
 * Share of a term's weight that orders a sentence whose passage holds the term in another sentence:
 * "驾驶擅自改装的机动车上道路行驶的，…处二百元以上五百元以下罚款" belongs to the article that forbids
 * changing the 排气管 one sentence earlier, and outranks a fine of another law that shares only 私自.
 * It orders, it does not score: with it in the score, more sentences of the anchor passage passed
 * the composition's keep ratio, and ncpqa-dev answers grew from 161 to 213 characters while their
 * character F1 fell 0.329 → 0.296 (tune). First chosen at 0.5 on citizen-qd-dev and fresh-qd3
 * (2026-12-01); re-swept on the pooled tune halves of all sets (2026-12-03): 0.2 / 0.3 / 0.4 / 0.5 /
 * 0.7 read key-point recall 0.6395 / 0.6417 / 0.6373 / 0.6373 / 0.6362 and lead accuracy 0.888 / 0.888
 * / 0.881 / 0.881 / 0.887. At 0.3 a sentence's own words weigh more against its article's: "刚领到营业
 * 执照…税务登记最晚要在多少天内去办" is answered by 自领取营业执照之日起30日内, not by the 15日 of a
 * deregistration whose article also names 营业执照.
 */
const PASSAGE_SHARE = 0.3;

/**
 * Scores every sentence of the top passages by the IDF-weighted share of the question's term
 * groups it contains (a term its heading names counts at HEADING_SHARE), weighed by the passage's
 * retrieval score (RETRIEVAL_PRIOR_EXPONENT), with bonuses for numbers (多少/几/何时 questions),
 * sanctions (罚 questions), enumerations (哪些 questions), prohibitions (哪些…禁止 questions) and
 * the kind of thing asked (a time limit, a party, a place, a fee). Returned best first by `order`,
 * which adds the terms the rest of the passage holds (PASSAGE_SHARE), an enumerated item's sibling
 * items left out. Pure given its inputs.
 */
export function scoreSentences(
  question: string,
  passages: Passage[],
  groups: string[][],
  idf: Map<string, number>,
  depth: number = RETRIEVAL_DEFAULTS.k,
): ScoredSentence[] {
  const weights = termWeights(groups, idf);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const wantsNumber = asksForNumber(question);
  const wantsList = asksForList(question);
  const wantsSanction = asksPenalty(question);
  const wantsForbidden = wantsList && asksWhatIsForbidden(question);
  const asksWhen = WHEN_ASK.test(question);
  const top = passages[0]?.score ?? 0;
  const scored: ScoredSentence[] = [];
  passages.slice(0, depth).forEach((passage, passageIndex) => {
    const { chunk } = passage;
    const heading = normaliseForIndex(`${passage.meta.title} ${chunk.headingPath.join(' ')}`);
    const headed = groups.map((group) => group.some((term) => textHolds(heading, term)));
    const spans = splitSentences(chunk.text).map((span) => {
      // Leading bullets and spaces are page layout, not part of what is quoted.
      let from = span.start;
      while (from < span.end && /[\s•·●▪■◆*-]/.test(chunk.text[from])) from += 1;
      const text = chunk.text.slice(from, span.end);
      return {
        from,
        end: span.end,
        text,
        norm: normaliseForIndex(text),
        item: LEADING_ENUMERATOR.test(text),
      };
    });
    // What the passage holds, sentence by sentence: an all-of term (试用+期限) is held by a sentence
    // that has all its words, not by a passage that names 试用 in one sentence and 期限 in another.
    const holds = (held: readonly string[]) =>
      groups.map((group) => group.some((term) => held.some((t) => textHolds(t, term))));
    const around = holds(spans.map((s) => s.norm));
    // The items of a list are alternatives, each another case: what a sibling item names is no
    // context of an item ("（二）…十日内…五小时内到达现场" does not concern the 漏水 of "（一）").
    const aroundItem = spans.some((s) => s.item)
      ? holds(spans.filter((s) => !s.item).map((s) => s.norm))
      : around;
    for (const { from, end, text, norm, item } of spans) {
      const contextHeld = item ? aroundItem : around;
      if (norm.length < 4) continue;
      let covered = 0;
      let context = 0;
      const covers: number[] = [];
      groups.forEach((group, i) => {
        if (group.some((term) => textHolds(norm, term))) {
          covered += weights[i];
          covers.push(i);
        } else if (headed[i]) covered += weights[i] * HEADING_SHARE;
        else if (contextHeld[i]) context += weights[i] * PASSAGE_SHARE;
      });
      let score = covered / total;
      if (score === 0) continue;
      // A final provision (本规定自…起施行, …同时废止) names the rule's and the repealed rule's titles,
      // so it holds the question's words; it answers only when the rule took effect.
      if (!asksWhen && FINAL_PROVISION.test(text)) continue;
      if (wantsNumber && DIGIT.test(norm)) score += 0.15;
      if (wantsSanction && statesSanction(text)) score += SANCTION_BONUS;
      if (wantsList && /[、；;]/.test(norm)) score += 0.1;
      if (wantsForbidden && statesProhibition(text)) score += FORBIDDEN_LIST_BONUS;
      if (wantsList && isListLead(text)) score += LIST_LEAD_BONUS;
      if (answersAskKind(question, text)) score += ASK_KIND_BONUS;
      if (norm.length < 12) score -= 0.15;
      const stated = STATED_CASE.exec(text.replace(/^第[^条]{1,8}条\s*/u, ''));
      if (stated && !question.includes(stated[1])) score *= CASE_FACTOR;
      const prior = top > 0 && passage.score > 0 ? (passage.score / top) ** RETRIEVAL_PRIOR_EXPONENT : 1;
      scored.push({
        passageIndex,
        start: chunk.start + from,
        end: chunk.start + end,
        text,
        score: score * prior,
        order: (score + context / total) * prior,
        covers,
      });
    }
  });
  return scored.sort((a, b) => b.order - a.order || a.passageIndex - b.passageIndex || a.start - b.start);
}

/**
 * For a question after a count or an amount (年假有几天, 最低得保证多少度), whether a sentence states
 * it right after what it counts (年休假5天, 温度不得低于18℃), in the unit asked. Not for a span
 * (提前多久): rules state deadlines in other words (应当在停止供水四十八小时前), which the ask
 * kinds read. Undefined when the question asks no such amount.
 */
export function statesAmountAsked(
  question: string,
  groups: string[][],
): ((sentence: string) => boolean) | undefined {
  if (!asksForNumber(question) || asksDuration(question)) return undefined;
  const quantity = askedQuantity(question, groups);
  if (!quantity) return undefined;
  const units = askedUnits(question);
  return (sentence) => statesAmountOf(normaliseForIndex(sentence), quantity, units);
}

/**
 * The sentences, best first, with the best close sentence that answers the kind of thing asked
 * (`answersAsk`: a time limit, a party, a place, a fee) moved to the front when no sentence of the
 * best one's passage answers it. "…不给我转社保和档案，有时间要求吗？" is then answered from
 * "…自出具解除或者终止劳动合同证明之日起十五日内为劳动者办理档案和社会保险转移手续", not from the
 * inspectors' list that names the same words; "评估公司是谁来定的" from "…由被征收人…协商选定".
 * Close is at least `keepRatio` of the best score: at 0.5 "在广州注册个体工商户、办营业执照要多长
 * 时间？" would be answered from another matter's "…5个工作日内通知登记机关". Sentences of passages found
 * for a part of the question (`why.askedPart`) are not candidates. Pure.
 */
export function anchoredOnAsk(
  scored: ScoredSentence[],
  passages: readonly Passage[],
  answersAsk: (sentence: string) => boolean,
  keepRatio: number = KEEP_RATIO,
): ScoredSentence[] {
  const own = scored.filter((s) => passages[s.passageIndex].why.askedPart === undefined);
  const best = own[0];
  if (!best || own.some((s) => s.passageIndex === best.passageIndex && answersAsk(s.text))) return scored;
  const answer = own.find((s) => s.score >= best.score * keepRatio && answersAsk(s.text));
  return answer ? [answer, ...scored.filter((s) => s !== answer)] : scored;
}
