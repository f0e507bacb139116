import type { Passage } from '../domain.js';
import type { StoredDocument } from '../index/search-store.js';
import { composeGuideAnswer } from './compose-guide.js';
import type { AnswerLine } from './compose-render.js';
import { askedDocumentFacts, asksDocumentFact, documentFactLines } from './document-facts.js';
import { guideAsks } from './guide-asks.js';
import { askingParts } from './question-asks.js';
import { parseServiceGuide } from './service-guide.js';

/*
 * Answers read from a stored document's own structure rather than from retrieved passages: a
 * 办事指南's field values, and the facts of a document's header. Each line cites the span it
 * quotes in the chunk that holds it.
 */

/**
 * A cited span of a stored document (a guide field, a header line), as a source in the chunk that
 * holds it (or else overlaps it), scored like the passage that led to the document.
 */
export function spanSource(
  doc: StoredDocument,
  span: { start: number; end: number },
  top: Passage,
  key: string,
): AnswerLine['source'] {
  const chunk =
    doc.chunks.find((c) => c.start <= span.start && span.end <= c.end) ??
    doc.chunks.find((c) => c.start < span.end && span.start < c.end);
  if (!chunk) return undefined;
  const passage: Passage = { chunk, meta: doc.meta, score: top.score, why: { matchedTerms: [] } };
  return { passage, start: span.start, end: span.end, key: `${doc.meta.id}:${key}` };
}

/**
 * A 办事指南 question answered from the guide's fields (compose-guide.ts), headed by the guide's
 * authority and title; undefined when `doc` is no guide or no field answers. Pure.
 */
export function guideLines(
  question: string,
  doc: StoredDocument,
  top: Passage,
  referralLine: string,
): AnswerLine[] | undefined {
  const asks = guideAsks(question, doc.meta.title);
  const guide = parseServiceGuide(doc.text);
  if (!guide) return undefined;
  // A question no field names (能探望哪些亲属？要自己去申请吗？) is about who may apply and how:
  // the 受理条件 says it; a guide without one is answered from its passages instead.
  if (asks.length === 0 && !guide.fields.has('受理条件')) return undefined;
  // A part of the question no field answers ("补办之前要先做什么？") is read in the 受理条件,
  // where guides state such particulars.
  const unmapped =
    asks.length === 0 || askingParts(question).some((part) => guideAsks(part, doc.meta.title).length === 0);
  const { lines, missing } = composeGuideAnswer(guide, asks, { withConditions: unmapped });
  if (lines.length === 0) return undefined;
  const authority = guide.fields.get('实施主体')?.value;
  const title = /\d/.test(doc.meta.title) ? '' : `“${doc.meta.title}”`;
  const out: AnswerLine[] = [
    { text: `根据${authority && !/\d/.test(authority) ? authority : ''}${title}办事指南：`, own: true },
  ];
  const sourceAt = (span: { start: number; end: number }, key: string) => spanSource(doc, span, top, key);
  for (const line of lines) {
    const source = line.span && sourceAt(line.span, line.key);
    if (!source) {
      out.push({ text: line.text, own: true, block: true });
      continue;
    }
    out.push({ text: line.text, block: true, item: line.item, source });
  }
  if (missing.length > 0) {
    // The phone the citizen is referred to is the guide's own: cited like any field, since every
    // number the answer states must stand in a cited passage.
    const phone = guide.fields.get('咨询电话');
    const source = phone && sourceAt(phone, '咨询电话');
    out.push({
      text: `${missing.join('、')}：办事指南未写明，请咨询${phone && source ? phone.value : referralLine}。`,
      own: true,
      block: true,
      ...(source ? { source } : {}),
    });
  }
  return out;
}

/** Whether every asking part of the question asks about the document itself (发文字号, 发布日期 …). */
export function asksOnlyDocumentFacts(question: string): boolean {
  return askedDocumentFacts(question).length > 0 && askingParts(question).every(asksDocumentFact);
}

/** The document's header facts a question asks for, each citing its header line. Pure. */
export function documentFactAnswerLines(
  question: string,
  doc: StoredDocument,
  top: Passage,
): AnswerLine[] | undefined {
  const out: AnswerLine[] = [];
  for (const line of documentFactLines(askedDocumentFacts(question), doc.meta, doc.text)) {
    const source = spanSource(doc, line, top, line.fact);
    if (source) out.push({ text: line.text, block: true, source });
  }
  return out.length > 0 ? out : undefined;
}
