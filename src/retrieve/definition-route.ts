import type { Chunk } from '../domain.js';
import { definitionsIn } from '../text/defined-terms.js';

/*
 * The definition route. A citizen asks where a term's line is drawn: "多少年的老树才算古树",
 * "法律上说的“老年人”，是从多少岁开始算", "“夜间”具体是指几点到几点". The answer is the sentence
 * that defines the term ("本法所称老年人是指六十周岁以上的公民"), usually in a 总则 or 附则 article
 * that shares one word with the question, while the document's articles using the term many times
 * outrank it. The route finds the definition in the first-ranked document and puts it first, as the
 * article route does for "《X》第N条".
 */

/** Words right before a term that ask what counts as it: 才算古树, 什么是低保, 所谓“一件事”. */
const ASK_BEFORE = /(?:什么是|什么叫|何为|何谓|所谓|才算|算不算|才能算|能算|算是|算作)[“"]?$/u;

/** Words right after a term that ask what it means: 夜间是指, 一件事是什么意思, 经济困难怎么界定. */
const ASK_AFTER =
  /^[”"]?(?:具体)?(?:是指|指的是|指什么|是什么意思|什么意思|的意思|的定义|怎么界定|如何界定)/u;

/** A question that asks for a term's line anywhere: the term may be quoted apart from the ask (“老年人”…开始算). */
const ASKS_LINE =
  /什么是|什么叫|何为|何谓|所谓|才算|算不算|才能算|能算|算是|算作|开始算|算起|是指|指的是|什么意思|的意思|的定义|界定/u;

/** A quoted term: “老年人”, "夜间". */
const QUOTED = /[“"](\p{Script=Han}{2,10})[”"]/gu;

/** Characters of the question read before a term for an ask (什么是 + an opening quote). */
const LOOK_BEHIND = 5;

/**
 * The terms whose definition `question` asks for: a quoted term of a question that asks for a
 * line, and each of `terms` (the question's search terms) standing right after or right before
 * an ask. In the order found, each once; empty when the question asks no definition. Pure;
 * `question` normalised as the terms were.
 */
export function definitionAsks(question: string, terms: readonly string[]): string[] {
  if (!ASKS_LINE.test(question)) return [];
  const out = new Set<string>();
  for (const match of question.matchAll(QUOTED)) out.add(match[1]);
  for (const term of terms) {
    if (term.length < 2) continue;
    for (let at = question.indexOf(term); at >= 0; at = question.indexOf(term, at + 1)) {
      const before = question.slice(Math.max(0, at - LOOK_BEHIND), at);
      if (ASK_BEFORE.test(before) || ASK_AFTER.test(question.slice(at + term.length))) out.add(term);
    }
  }
  return [...out];
}

/**
 * The chunk among `chunks` (in preference order) with a sentence defining `term`
 * ("[本法所称]老年人，是指…"), or undefined. Pure.
 */
export function definingChunk(term: string, chunks: readonly Chunk[]): Chunk | undefined {
  for (const chunk of chunks) {
    if (definitionsIn([chunk]).some((d) => d.term === term)) return chunk;
  }
  return undefined;
}

/**
 * "多少年的老树才算古树": the chunk of the first-ranked document (`first`'s) that defines a term the
 * question asks about, and that term; undefined when it asks none or the document defines none.
 * Another document's definition is not brought in: a question naming a rule (按青岛的噪声管理规定…
 * “夜间”) keeps that rule's wording even where another defines the term in so many words.
 */
export async function definitionRoute(
  question: string,
  terms: readonly string[],
  first: Chunk | undefined,
  chunksOf: (docId: string) => Promise<readonly Chunk[]>,
): Promise<{ chunk: Chunk; term: string } | undefined> {
  const asked = definitionAsks(question, terms);
  if (!first || asked.length === 0) return undefined;
  const chunks = await chunksOf(first.docId);
  for (const term of asked) {
    const chunk = definingChunk(term, chunks);
    if (chunk) return { chunk, term };
  }
  return undefined;
}
