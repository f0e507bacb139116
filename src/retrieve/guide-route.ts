import type { Chunk, DocumentMeta, Passage } from '../domain.js';
import { type GuideFieldGroup, isFieldGroup } from '../text/guide-fields.js';
import { normaliseForIndex } from '../text/normalise.js';
import { holdsTerm, termWeights } from './relevance.js';

/**
 * The field route for 办事指南 questions. A guide record is chunked per field group (ingest/
 * chunker.ts: 申请材料, 办结时限, 办理地点 …, each chunk headed by the guide's title); a question
 * asks for one or more of those fields in everyday words (要多久, 跑几趟, 能寄吗, 打什么电话).
 * The route maps the ask to field groups and puts the asked fields of the best-matching guides
 * first, where that guide ranks, so the answer quotes the line that answers.
 */

/**
 * Ask cues per field group, matched as substrings of the question. Chosen from the field names and
 * from how service-guide questions ask for them (多久/几天 for 时限, 跑几趟/现场 for 到现场次数,
 * 寄/快递 for 物流快递); words that also occur inside matter names (资格, 证明, 登记) are left out.
 */
export const ASK_CUES: Readonly<Record<GuideFieldGroup, readonly string[]>> = {
  申请材料: [
    '材料',
    '带什么',
    '带哪些',
    '交什么',
    '交哪些',
    '准备什么',
    '准备哪些',
    '提交什么',
    '提交哪些',
    '要什么证件',
  ],
  受理条件: ['条件', '什么人', '哪些人', '谁可以', '谁能', '什么要求', '哪些要求', '什么情况', '哪些情况'],
  办结时限: [
    '多久',
    '多长时间',
    '几天',
    '多少天',
    '几个工作日',
    '多少个工作日',
    '时限',
    '办结',
    '当天',
    '多少时间',
    '等多',
  ],
  办理地点: ['地址', '在哪', '哪里', '哪儿', '去哪', '地点', '窗口', '大厅', '营业厅', '线下'],
  办理方式: [
    '现场',
    '跑',
    '趟',
    '几次',
    '本人',
    '亲自',
    '网上',
    '网办',
    '线上',
    '预约',
    '快递',
    '邮寄',
    '寄',
    '平台',
  ],
  咨询电话: ['电话', '热线', '咨询', '投诉', '联系方式'],
  收费: ['收费', '费用', '多少钱', '交钱', '要钱', '免费'],
  事项信息: ['哪个部门', '什么部门', '哪个单位', '向谁', '谁负责', '谁来办'],
};

/** The field groups a question asks for, in the order of `ASK_CUES`; empty when it asks none. Pure. */
export function askedFieldGroups(question: string): GuideFieldGroup[] {
  return (Object.keys(ASK_CUES) as GuideFieldGroup[]).filter((group) =>
    ASK_CUES[group].some((cue) => question.includes(cue)),
  );
}

/** The field group of a guide chunk (the last heading of its path), or undefined for other chunks. */
export function fieldGroupOfChunk(chunk: Chunk, meta: DocumentMeta): GuideFieldGroup | undefined {
  if (meta.type !== '办事指南') return undefined;
  const last = chunk.headingPath[chunk.headingPath.length - 1];
  return isFieldGroup(last) ? last : undefined;
}

/**
 * Guides whose asked fields are brought forward: the best-matching ones. 2 lets the runner-up of a
 * pair of sibling guides (新办/补发, 广州市/广东省) show its answer line too. Chosen on the tune half
 * of service-guide-dev (2026-11-30): 1 / 2 / 3 give strict hit@1 0.630 / 0.704 / 0.704 at the same
 * strict hit@5 0.852.
 */
export const ROUTED_GUIDES = 2;

/**
 * Share of the question's matter terms (its topical terms less the ask words, IDF-weighted as the
 * relevance signal weighs them) that a guide's title, 实施主体 and 行政区划 must hold for its asked
 * fields to go first, ahead of laws and notices; a guide matching less keeps the rank retrieval
 * gave it. Tune half of service-guide-dev (2026-11-30): 0.5 / 0.6 / 0.8 give strict hit@1 0.667 /
 * 0.704 / 0.667; never going first gives strict hit@5 0.815 instead of 0.852.
 */
export const FRONT_MATCH = 0.6;

export interface GuideRouteInput {
  /** The question, normalised as the query terms were (normaliseForIndex). */
  question: string;
  /** Passages in rank order (fused, before copies are folded). */
  passages: Passage[];
  /** The question's topical term groups and their IDF (the store's), to match guide titles. */
  groups: string[][];
  idf: Map<string, number>;
  /** All chunks of a document in document order (the store's getDocument). */
  chunksOf: (docId: string) => Promise<Chunk[]>;
  /** A passage for a chunk the candidates did not hold, at the given score. */
  toPassage: (chunk: Chunk, meta: DocumentMeta, score: number) => Passage;
  guides?: number;
}

/** 0..1: weighted share of the matter groups a guide's identity (title, 实施主体, 行政区划) holds. */
export function matterMatch(groups: string[][], weights: number[], meta: DocumentMeta): number {
  const identity = normaliseForIndex(`${meta.title} ${meta.authority ?? ''} ${meta.region ?? ''}`);
  let total = 0;
  let held = 0;
  for (const [i, group] of groups.entries()) {
    if (weights[i] <= 0) continue;
    total += weights[i];
    if (group.some((t) => holdsTerm(t, identity))) held += weights[i];
  }
  return total === 0 ? 0 : held / total;
}

/**
 * Distinct character bigrams of a title that the question holds. Sibling guides hold the same
 * matter terms (公证员, 任职) and differ in a variant the tokens may not keep (一般 is a question
 * word; 资格证书 does not hold the term 资格证): the title more of whose wording the question repeats
 * is the one asked about. Orders guides that match the matter terms equally; a count, not a share,
 * so a short sibling title (职业病诊断鉴定) does not beat the longer one the question names more of.
 * Pure; both normalised.
 */
export function titleOverlap(question: string, title: string): number {
  return [...titleBigrams(title)].filter((bigram) => question.includes(bigram)).length;
}

/** The distinct character bigrams of a title, normalised, spaces and punctuation left out. Pure. */
export function titleBigrams(title: string): Set<string> {
  const t = normaliseForIndex(title).replace(/[\s\p{P}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Reorders `passages` for a question that asks for guide fields: the guides among them are ranked
 * by how well their title, 实施主体 and 行政区划 hold the question's matter terms (ties go to the
 * title the question repeats more of, `titleOverlap`, then to the retrieval order), and the asked field chunks of the best `guides` stand, in the order asked,
 * where the first guide ranked — or first of all when the best guide matches at least FRONT_MATCH.
 * Chunks the candidates did not hold are read from the store. Unchanged when no field is asked or
 * no guide is among the passages.
 */
export async function routeGuideFields({
  question,
  passages,
  groups,
  idf,
  chunksOf,
  toPassage,
  guides = ROUTED_GUIDES,
}: GuideRouteInput): Promise<Passage[]> {
  const asks = askedFieldGroups(question);
  if (asks.length === 0) return passages;
  const candidates = new Map<string, { passage: Passage; at: number; match: number; title: number }>();
  // The step a time ask names (补发 in “补发要几天”) is part of the matter here: it tells variants apart.
  const answered = new Set(askTerms(question, groups.flat(), { steps: false }));
  const matter = groups.filter((g) => !g.some((t) => answered.has(t)));
  const weights = termWeights(matter, idf);
  passages.forEach((p, at) => {
    if (candidates.has(p.chunk.docId) || fieldGroupOfChunk(p.chunk, p.meta) === undefined) return;
    const match = matterMatch(matter, weights, p.meta);
    candidates.set(p.chunk.docId, { passage: p, at, match, title: titleOverlap(question, p.meta.title) });
  });
  if (candidates.size === 0) return passages;
  const routed = [...candidates.values()]
    .sort((a, b) => b.match - a.match || b.title - a.title || a.at - b.at)
    .slice(0, guides);
  const front: Passage[] = [];
  for (const { passage: best } of routed) {
    const chunks = await chunksOf(best.chunk.docId);
    const known = new Map(
      passages.filter((q) => q.chunk.docId === best.chunk.docId).map((q) => [q.chunk.id, q]),
    );
    for (const group of asks) {
      for (const c of chunks) {
        if (fieldGroupOfChunk(c, best.meta) !== group) continue;
        front.push({ ...(known.get(c.id) ?? toPassage(c, best.meta, best.score)), score: best.score });
      }
    }
  }
  const at = routed[0].match >= FRONT_MATCH ? 0 : Math.min(...routed.map((r) => r.at));
  const placed = new Set(front.map((p) => p.chunk.id));
  const rest = passages.filter((p) => !placed.has(p.chunk.id));
  const atRest = passages.slice(0, at).filter((p) => !placed.has(p.chunk.id)).length;
  return [...rest.slice(0, atRest), ...front, ...rest.slice(atRest)];
}

/** Words between a time ask and the step it asks about: 审批「要」多长时间, 几天「能」办好. */
const DURATION_LINK = /^[要需得能才就可以大概约一般最快还等]+$/;

/**
 * The terms that overlap an ask cue (of any field group) in the question (几天 in “要等几天”), and
 * the step a time ask is about, next to it: 审批 in “审批要多长时间”, 批下来 in “批下来要多久”, 办好
 * in “几天能办好” — the 办结时限 field is the time of whatever step the citizen names (left out
 * with `steps: false`). Pure.
 */
export function askTerms(question: string, terms: readonly string[], { steps = true } = {}): string[] {
  const spans: [number, number][] = [];
  for (const [group, cues] of Object.entries(ASK_CUES)) {
    for (const cue of cues) {
      for (let at = question.indexOf(cue); at >= 0; at = question.indexOf(cue, at + 1)) {
        spans.push([at, at + cue.length]);
        if (!steps || group !== '办结时限') continue;
        for (const term of terms) {
          const before = question.lastIndexOf(term, at - term.length);
          if (before >= 0 && DURATION_LINK.test(question.slice(before + term.length, at))) {
            spans.push([before, before + term.length]);
          }
          const after = question.indexOf(term, at + cue.length);
          if (after >= 0 && DURATION_LINK.test(question.slice(at + cue.length, after))) {
            spans.push([after, after + term.length]);
          }
        }
      }
    }
  }
  if (spans.length === 0) return [];
  return terms.filter((term) => {
    for (let at = question.indexOf(term); at >= 0; at = question.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (spans.some(([s, e]) => at < e && s < end)) return true;
    }
    return false;
  });
}

/**
 * The query terms a guide field chunk answers by being part of a guide record: the ask words
 * (几天, 跑, 寄 …, see `askTerms`). A guide line "**承诺办结时限**：5(工作日)" answers “要等几天”
 * without holding either word, and the route puts the guide's other asked fields beside it, so the
 * relevance signal counts the ask words of every asked field as held. Empty for other chunks. Pure;
 * `question` normalised as the terms were.
 */
export function termsAnsweredByField(question: string, terms: readonly string[], chunk: Chunk): string[] {
  if (!isFieldGroup(chunk.headingPath[chunk.headingPath.length - 1])) return [];
  return askTerms(question, terms);
}
