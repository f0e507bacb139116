import type { Chunk, DocumentMeta, Passage } from '../domain.js';
import { type GuideFieldGroup, isFieldGroup } from '../text/guide-fields.js';
import { PROVINCES, placesIn, SHANDONG_CITIES } from '../text/place-names.js';

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
    '几趟',
    '几次',
    '本人去',
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
 * Guides whose asked fields are brought forward: the best-ranked ones. 2 lets the runner-up of a
 * pair of sibling guides (新办/补发, 广州市/广东省) show its answer line too.
 */
export const ROUTED_GUIDES = 2;

export interface GuideRouteInput {
  question: string;
  /** Passages in rank order (fused, before copies are folded). */
  passages: Passage[];
  /** All chunks of a document in document order (the store's getDocument). */
  chunksOf: (docId: string) => Promise<Chunk[]>;
  /** A passage for a chunk the candidates did not hold, at the given score. */
  toPassage: (chunk: Chunk, meta: DocumentMeta, score: number) => Passage;
  guides?: number;
}

/**
 * Reorders `passages` so that the asked field chunks of the best-ranked guides stand at the place of
 * their guide's best passage, in the order asked. Unchanged when the question asks for no field or
 * no guide is among the passages. Chunks the candidates did not hold are read from the store.
 */
export async function routeGuideFields({
  question,
  passages,
  chunksOf,
  toPassage,
  guides = ROUTED_GUIDES,
}: GuideRouteInput): Promise<Passage[]> {
  const asks = askedFieldGroups(question);
  if (asks.length === 0) return passages;
  const routed = new Map<string, Passage[]>();
  for (const p of passages) {
    if (routed.size >= guides) break;
    if (routed.has(p.chunk.docId) || fieldGroupOfChunk(p.chunk, p.meta) === undefined) continue;
    const chunks = await chunksOf(p.chunk.docId);
    const known = new Map(
      passages.filter((q) => q.chunk.docId === p.chunk.docId).map((q) => [q.chunk.id, q]),
    );
    const asked = asks.flatMap((group) =>
      chunks
        .filter((c) => fieldGroupOfChunk(c, p.meta) === group)
        .map((c) => ({ ...(known.get(c.id) ?? toPassage(c, p.meta, p.score)), score: p.score })),
    );
    routed.set(p.chunk.docId, asked);
  }
  if (routed.size === 0) return passages;
  const out: Passage[] = [];
  const placed = new Set<string>();
  for (const p of passages) {
    const first = routed.get(p.chunk.docId);
    if (first) {
      routed.delete(p.chunk.docId);
      for (const q of first) {
        out.push(q);
        placed.add(q.chunk.id);
      }
    }
    if (!placed.has(p.chunk.id)) {
      out.push(p);
      placed.add(p.chunk.id);
    }
  }
  return out;
}

/** The region a place name stands for: 青岛 → 山东省青岛市, 广州 → 广东省广州市, 广东 → 广东省. */
function regionOfPlace(name: string): string | undefined {
  return SHANDONG_CITIES.includes(name) ? `山东省${name}市` : PROVINCES[name];
}

/**
 * Whether a guide of `region` serves a question about `asked`: a guide of the asked place or of
 * the province enclosing it (a provincial matter is handled for all its cities), or a city guide
 * inside an asked province.
 */
function serves(region: string | undefined, asked: string): boolean {
  if (!region) return true;
  return asked.startsWith(region) || region.startsWith(asked);
}

/** 广东省广州市 → 广州市; a province or a municipality stays as it is. */
export function placeLabel(region: string): string {
  const m = /^.+?(?:省|自治区)(.+)$/.exec(region);
  return m ? m[1] : region;
}

export interface CoveredPlacesInput {
  question: string;
  /** The guide the question matched (apart from its place), if any. */
  guide: DocumentMeta | undefined;
  /** Every document's metadata (guides of the same matter elsewhere are found by title). */
  metas: Iterable<DocumentMeta>;
}

/**
 * The places whose guide of the matched matter the documents hold, when the question names a place
 * none of them serves ("在深圳办普通护照" with only 广州市's guide): the refusal can say which places
 * are covered. Undefined when the question names no place, no guide matched or one serves it.
 * Labels as `placeLabel`, sorted. Pure.
 */
export function coveredPlaces({ question, guide, metas }: CoveredPlacesInput): string[] | undefined {
  if (guide?.type !== '办事指南') return undefined;
  const asked = placesIn(question)
    .map(regionOfPlace)
    .filter((r): r is string => r !== undefined)
    .sort((a, b) => b.length - a.length)[0];
  if (!asked) return undefined;
  const regions = new Set<string>();
  for (const meta of metas) {
    if (meta.type !== '办事指南' || meta.title !== guide.title) continue;
    if (serves(meta.region, asked)) return undefined;
    if (meta.region) regions.add(meta.region);
  }
  if (regions.size === 0) return undefined;
  return [...regions].map(placeLabel).sort();
}

/** The refusal's sentence naming the covered places: "文件中只有广州市、深圳市的该事项办事指南。" */
export function coveredPlacesSentence(places: readonly string[] | undefined): string {
  return places && places.length > 0 ? `文件中只有${places.join('、')}的该事项办事指南。` : '';
}

/**
 * The query terms a field chunk answers by being that field: the terms that overlap an ask cue of
 * the chunk's group in the question (几天 and 等 in “要等几天” for a 办结时限 chunk). A guide line
 * "**承诺办结时限**：5(工作日)" answers “要等几天” without holding either word, so the relevance
 * signal counts them as held. Empty for a chunk that is not a field group's. Pure; `question`
 * normalised as the terms were.
 */
export function termsAnsweredByField(question: string, terms: readonly string[], chunk: Chunk): string[] {
  const group = chunk.headingPath[chunk.headingPath.length - 1];
  if (!isFieldGroup(group)) return [];
  const spans: [number, number][] = [];
  for (const cue of ASK_CUES[group]) {
    for (let at = question.indexOf(cue); at >= 0; at = question.indexOf(cue, at + 1)) {
      spans.push([at, at + cue.length]);
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
