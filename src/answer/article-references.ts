import type { Passage } from '../domain.js';
import { ARTICLE_LABEL } from '../text/piece-labels.js';
import { statesSanction } from './ask-kinds.js';

const NUMERAL = '[一二三四五六七八九十百千零〇\\d]+';
/** "本条例第三条、第五条第二款" (matchAll copies a global pattern, so one can be shared). */
const OWN_ARTICLE_LIST = new RegExp(
  `本(?:条例|规定|办法|法|细则|决定|规则|实施办法)((?:第${NUMERAL}条(?:之${NUMERAL})?(?:第${NUMERAL}[款项])*(?:[、，,和及与或]|或者)*)+)`,
  'gu',
);
/** One article name in such a list: 第三条, 第十条之一. */
const ARTICLE_NAME = new RegExp(`第${NUMERAL}条(?:之${NUMERAL})?`, 'gu');

/**
 * Articles of the same document a text names: "违反本规定第二条、第三条第一款规定" names 第二条 and
 * 第三条. Only labels after 本条例/本规定/本办法/本法 … count: "依照《烟花爆竹安全管理条例》第三十六条"
 * names another document's article. Pure.
 */
export function referencedArticles(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(OWN_ARTICLE_LIST)) {
    for (const label of m[1].matchAll(ARTICLE_NAME)) {
      if (!out.includes(label[0])) out.push(label[0]);
    }
  }
  return out;
}

/** The article label of a passage ("第十一条"), from the chunk or its first line. */
function articleLabel(passage: Passage): string | undefined {
  return passage.chunk.article ?? ARTICLE_LABEL.exec(passage.chunk.text)?.[1];
}

/**
 * The conduct a rule forbids, as it states it: the words after 不得 or 禁止 up to the clause's end
 * ("不得以养生、保健、投资、收藏等名义开展营利性讲座培训等活动" → "以养生…活动"), eight characters at least
 * so a bare verb does not count.
 */
const FORBIDDEN_CONDUCT = /(?:不得|禁止)([^，。；：,;:]{8,})/gu;

/**
 * Whether `penalty` sanctions what `rule` forbids by restating it: "违反本条例规定，老年教育机构有下列
 * 行为之一的，…责令限期改正，予以警告…：（二）以养生、保健、投资、收藏等名义开展营利性讲座培训等活动的"
 * names no article but repeats the conduct of 第三十条 word for word. Laws word their penalties
 * either way: by the article (违反本条例第三十条规定) or by the conduct.
 */
function restatesConduct(rule: string, penalty: string): boolean {
  if (statesSanction(rule) || !statesSanction(penalty)) return false;
  const flat = penalty.replace(/\s+/gu, '');
  for (const m of rule.replace(/\s+/gu, '').matchAll(FORBIDDEN_CONDUCT)) if (flat.includes(m[1])) return true;
  return false;
}

/**
 * Two articles of one document that belong together because one names the other, or sanctions the
 * conduct the other forbids in its words: the penalty article "违反本规定第三条…处三百元以上五百元以下
 * 罚款" and the rule of 第三条 it sanctions. Pure.
 */
export function crossReferenced(a: Passage, b: Passage): boolean {
  if (a.chunk.docId !== b.chunk.docId) return false;
  const la = articleLabel(a);
  const lb = articleLabel(b);
  if (!la || !lb || la === lb) return false;
  return (
    referencedArticles(a.chunk.text).includes(lb) ||
    referencedArticles(b.chunk.text).includes(la) ||
    restatesConduct(a.chunk.text, b.chunk.text) ||
    restatesConduct(b.chunk.text, a.chunk.text)
  );
}
