/**
 * Where a question that asks several things ("算力券是什么？怎么申请？", "产假多少天？男方有护理假吗？")
 * breaks into parts: at ？ ! ；, or at a comma followed by a new question word ("材料要几份，需要原件
 * 吗"). Written once for the retriever (which 几 asks a number) and the answerer (which parts an
 * answer covers).
 */
const PART_BREAK =
  /[？?！!；;]+|[，,](?=\s*(?:那|还|另外|以及|并且|而且|再|同时)?\s*(?:要|需要|能|可以|是否|有没有|多|几|哪|怎|什么|谁|会|得))/gu;

/** The parts of `question` as offsets [start, end), separators left out, empty parts kept. Pure. */
export function partSpans(question: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const match of question.matchAll(PART_BREAK)) {
    spans.push([from, match.index]);
    from = match.index + match[0].length;
  }
  spans.push([from, question.length]);
  return spans;
}

/** The parts of a question, trimmed, empty ones dropped. Pure. */
export function questionParts(question: string): string[] {
  return partSpans(question)
    .map(([start, end]) => question.slice(start, end).trim())
    .filter((part) => part.length > 0);
}
