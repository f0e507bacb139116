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
