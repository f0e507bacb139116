import type { WireAnswer } from '../shared/api-types.js';

/**
 * Splits an answer into plain text and citation markers so the widget can turn `[1]`, `[2][3]`
 * and `[1,2]` into chips. Pure, so it is tested without a browser.
 */

export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'cite'; n: number };

const MARKER = /\[(\d{1,2}(?:\s*[,，、]\s*\d{1,2})*)\]/g;

export function splitAnswer(answer: string): AnswerSegment[] {
  const out: AnswerSegment[] = [];
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ kind: 'text', text: answer.slice(last, index) });
    for (const part of match[1].split(/[,，、]/)) out.push({ kind: 'cite', n: Number(part.trim()) });
    last = index + match[0].length;
  }
  if (last < answer.length) out.push({ kind: 'text', text: answer.slice(last) });
  return out;
}

/** Phone numbers in a referral (12345, 0532-85912190, 85912190) to offer as tel: links. */
export function findPhones(text: string): string[] {
  const found = text.match(/(?<![\d.])(?:0\d{2,3}-?)?\d{5,8}(?![\d.%万])/g) ?? [];
  return [...new Set(found)];
}

/** Plain text for the clipboard: the answer, then one line per source. */
export function answerWithSources(answer: Pick<WireAnswer, 'answer' | 'citations'>): string {
  if (!answer.citations?.length) return answer.answer;
  const lines = answer.citations.map((c) => {
    const number = c.docNumber ? `（${c.docNumber}）` : '';
    const where = c.headingPath ? ` ${c.headingPath}` : '';
    return `[${c.n}] ${c.title}${number}${where}`;
  });
  return `${answer.answer}\n\n来源：\n${lines.join('\n')}`;
}
