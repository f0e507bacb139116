import type { Chunk, DocumentMeta } from '../domain.js';
import { parseChineseNumber } from '../text/chinese-numerals.js';

/** A question that names an article: "《青岛市优化营商环境条例》第十条", "农民专业合作社法第三十三条…". */
export interface ArticleRef {
  /** Article number, e.g. 10 for 第十条. */
  number: number;
  /** Where 第…条 starts in the question. */
  index: number;
}

const ARTICLE = /第([零〇一二两三四五六七八九十百千\d]+)条/;

export function parseArticleRef(question: string): ArticleRef | undefined {
  const match = ARTICLE.exec(question);
  if (!match) return undefined;
  const number = parseChineseNumber(match[1]);
  return number === undefined ? undefined : { number, index: match.index };
}

/** Article number of a chunk label such as '第三十三条'. */
export function articleNumber(label: string | undefined): number | undefined {
  if (!label) return undefined;
  const match = ARTICLE.exec(label);
  return match ? parseChineseNumber(match[1]) : undefined;
}

const PREFIXES = ['中华人民共和国'];

/** The forms of a title a citizen may write: full, without 中华人民共和国, without a trailing (2019修正). */
export function titleForms(title: string): string[] {
  const bare = title
    .replace(/[《》]/g, '')
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .trim();
  const forms = new Set([bare]);
  for (const prefix of PREFIXES) if (bare.startsWith(prefix)) forms.add(bare.slice(prefix.length));
  return [...forms].filter((f) => f.length >= 2);
}

/**
 * Shortest title form that may match anywhere before the article reference. Two-character forms
 * (宪法, 刑法, 民法 after 中华人民共和国 is dropped) are too common inside other titles and
 * sentences to match anywhere; they count only when they stand right before 第N条 ("宪法第五条"),
 * which is how such laws are cited. Without this, "宪法第N条" found no named document and BM25
 * picked 《宪法修正案》 (lawbench-article-dev misses, measured 2026-11-30).
 */
const MIN_FREE_FORM_CHARS = 3;

/**
 * The document a question names: the longest title form that occurs in the question before the
 * article reference (ties: the newest document). Pure; `docs` is the store's document list.
 */
export function matchNamedDocument(
  question: string,
  docs: DocumentMeta[],
  before = question.length,
): DocumentMeta | undefined {
  const head = question.slice(0, before).replace(/\s+/g, '');
  const cited = head.replace(/[《》]/g, '');
  let best: { meta: DocumentMeta; length: number } | undefined;
  for (const meta of docs) {
    for (const form of titleForms(meta.title)) {
      if (form.length < (best?.length ?? 0) || !head.includes(form)) continue;
      if (form.length < MIN_FREE_FORM_CHARS && !cited.endsWith(form)) continue;
      const newer = (meta.publishDate ?? '') > (best?.meta.publishDate ?? '');
      if (!best || form.length > best.length || newer) best = { meta, length: form.length };
    }
  }
  return best?.meta;
}

/**
 * "《X》第十条": the chunks of that article of the named document, for the retriever to put first;
 * none when the question names no document and article. `chunksOf` reads a document's chunks.
 */
export async function articleRoute(
  query: string,
  docs: DocumentMeta[],
  chunksOf: (docId: string) => Promise<readonly Chunk[]>,
): Promise<Chunk[]> {
  const ref = parseArticleRef(query);
  if (!ref) return [];
  const meta = matchNamedDocument(query, docs, ref.index);
  if (!meta) return [];
  return (await chunksOf(meta.id)).filter((c) => articleNumber(c.article) === ref.number);
}
