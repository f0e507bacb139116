/**
 * What stands before the text of a piece of a document: a list item's enumerator or a law
 * article's label. The answerer drops them from what it displays and what it reads; the retriever
 * reads a defining sentence after them (defined-terms.ts).
 */

/** Leading enumerator of a list item: "（一）", "1.", "(2)", "一、". */
export const LEADING_ENUMERATOR =
  /^\s*(?:[（(]\s*[一二三四五六七八九十百\d]{1,4}\s*[)）]|[一二三四五六七八九十百]{1,4}、|\d{1,3}\s*[.、．)）](?!\d)|[①-⑳])\s*/u;

/** Law article label at the start of a piece: "第二十一条", "第十七条之一". */
export const ARTICLE_LABEL =
  /^\s*(第[一二三四五六七八九十百千零〇\d]+条(?:之[一二三四五六七八九十]+)?)[\s　]*/u;

/** A sentence that announces a list: "…有下列情形之一的，…：", "应当提交以下材料：". */
export function isListLead(text: string): boolean {
  return /[：:]\s*$/.test(text) || /下列|以下|如下/.test(text);
}
