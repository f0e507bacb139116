/*
 * What an answer says after a `partial` relevance decision (the documents hold the question's topic,
 * maybe not its ask or the citizen's case): which asked parts the quote leaves open, or that the
 * quoted rule may not be the case described. Both send the reader on with the same referral phrase.
 */

/** Where a partial answer sends the reader for what the quoted text does not settle. */
const CONSULT = '请向主管部门或政务服务热线咨询。';

/**
 * What a partial answer says about the parts it does not cover. A part is quoted unless it holds
 * a numeral (every number the answer states must stand in a cited passage).
 */
export function partialNote(parts: string[], { quotedOnly = false }: { quotedOnly?: boolean } = {}): string {
  const quotable = parts.every((p) => !/[\d零〇一二两三四五六七八九十百千万]/u.test(p));
  // A part quoting a word itself ("进场费") nests: the inner marks become single ones (‘进场费’).
  const nested = (part: string) => part.replace(/[“"]([^“”"]*)[”"]/gu, '‘$1’');
  const what = quotable ? parts.map((a) => `“${nested(a)}”`).join('、') : '问题的其余部分';
  // After a `partial` relevance decision the retriever found the topic but maybe not the ask:
  // another passage may still state it, so the note speaks of what is quoted, not of every document.
  return `${what}：${quotedOnly ? '以上内容未写明' : '现有资料未写明'}，${CONSULT}`;
}

/**
 * What an answer after a `partial` relevance decision says when it names no uncovered part: the
 * documents hold the question's topic, but the quoted rule may not be the citizen's case (a long
 * question whose scene no rule describes), so the reader is told so rather than given the quote as
 * a certain answer.
 */
export const PARTIAL_HEDGE = `以上是与您的问题最相关的规定，未必完全对应您描述的情况；如需确认，${CONSULT}`;
