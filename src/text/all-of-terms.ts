/**
 * An "all of" term: words joined by `+` (公安机关+交通管理+部门) that a passage holds when it holds
 * every one of them. A lexicon target written this way (人社局 > 人力资源+社会保障+部门) is searched
 * by its words, and never enters the segmenter's dictionary: a long official name made a dictionary
 * word re-cuts every document that uses it, and moves passages of questions that never say it.
 * A term with `+` that the index holds whole (互联网+政务服务) is searched whole.
 */
export const ALL_OF = '+';

const HAN = /\p{Script=Han}/u;

/**
 * The words of an all-of term, or undefined for a plain term. Only Chinese words join this way: a
 * code such as 10+1 or 5g+ is a term of its own. Pure.
 */
export function allOfParts(term: string): string[] | undefined {
  if (!term.includes(ALL_OF)) return undefined;
  const parts = term.split(ALL_OF).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => HAN.test(p)) ? parts : undefined;
}

/** An all-of term of `parts` (deduplicated, order kept); a single part is itself. Pure. */
export function allOfTerm(parts: readonly string[]): string {
  return [...new Set(parts)].join(ALL_OF);
}

/**
 * Whether a text holds a query term: written as it stands, or for an all-of term every one of its
 * words. The retriever searches an all-of term by its words, so the passages it finds that way hold
 * no "犬只+伤害" as written; read as plain text, the 429 lexicon targets written this way counted for
 * nothing when the answerer scored sentences, and "狗咬了人谁负责" was answered from an article on
 * who is 负责 for street cleaning over the 养犬 article the retriever had ranked first
 * (measured 2026-12-02). Pure.
 */
export function textHolds(text: string, term: string): boolean {
  if (text.includes(term)) return true;
  const parts = allOfParts(term);
  return parts !== undefined && parts.every((part) => text.includes(part));
}
