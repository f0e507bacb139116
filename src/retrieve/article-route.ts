import type { DocumentMeta } from '../domain.js';
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
  return [...forms].filter((f) => f.length >= 3);
}

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
  let best: { meta: DocumentMeta; length: number } | undefined;
  for (const meta of docs) {
    for (const form of titleForms(meta.title)) {
      if (form.length < (best?.length ?? 0) || !head.includes(form)) continue;
      const newer = (meta.publishDate ?? '') > (best?.meta.publishDate ?? '');
      if (!best || form.length > best.length || newer) best = { meta, length: form.length };
    }
  }
  return best?.meta;
}
