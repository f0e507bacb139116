import type { Answer, Passage, Retrieval } from '../domain.js';
import type { SearchStore } from '../index/search-store.js';
import { relayablePassages } from '../ingest/flag-passages.js';
import { asksForList, asksForNumber, questionForTerms, topicalGroups } from '../retrieve/query-terms.js';
import { holdsTerm, termWeights } from '../retrieve/relevance.js';
import { statedValues } from '../retrieve/stated-values.js';
import { normaliseForIndex } from '../text/normalise.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { AnswerEvent, AnswerProvider } from './answer-provider.js';
import { asksPenalty, asksPermission } from './ask-kinds.js';
import { composeGuideAnswer } from './compose-guide.js';
import { numberLead, numberLeads, yesNoLead } from './compose-lead.js';
import { composeFromPassages, isListLead, passageSentences, type QuotedPiece } from './compose-passage.js';
import { type AnswerLine, renderLines } from './compose-render.js';
import { definitionsIn, definitionsUsed } from './defined-terms.js';
import { LEADING_ENUMERATOR } from './display-text.js';
import { askedDocumentFacts, asksDocumentFact, documentFactLines } from './document-facts.js';
import { type SelectionParams, scoreSentences } from './extractive-selection.js';
import { guideAsks } from './guide-asks.js';
import { askingParts, questionParts, uncoveredAsks } from './question-asks.js';
import { referralText, refusalAnswer } from './referral.js';
import { parseServiceGuide } from './service-guide.js';

export interface ExtractiveAnswererOptions extends SelectionParams {
  tokenizer: Tokenizer;
  store: SearchStore;
  /** Where citizens are referred when nothing relevant is found (config.referralLine). */
  referralLine: string;
}

/**
 * What a partial answer says about the parts it does not cover. A part is quoted unless it holds
 * a numeral (every number the answer states must stand in a cited passage).
 */
export function partialNote(parts: string[], { quotedOnly = false }: { quotedOnly?: boolean } = {}): string {
  const quotable = parts.every((p) => !/[\d零〇一二两三四五六七八九十百千万]/u.test(p));
  const what = quotable ? parts.map((a) => `“${a}”`).join('、') : '问题的其余部分';
  // After a `partial` relevance decision the retriever found the topic but maybe not the ask:
  // another passage may still state it, so the note speaks of what is quoted, not of every document.
  return `${what}：${quotedOnly ? '以上内容未写明' : '现有资料未写明'}，请向主管部门或政务服务热线咨询。`;
}

/**
 * Share of the question's term weight from which one term group is its main subject: "我想办居住证
 * 需要什么材料？" is about 居住证 whatever else a passage matches.
 */
export const DOMINANT_TOPIC_SHARE = 0.5;

/**
 * The main subject of the question when the passage holds it only inside another word (a passage
 * about kindergarten enrolment that mentions 居住证明 does not speak of a 居住证), else undefined.
 * Pure.
 */
export function dominantTopicMissing(
  groups: string[][],
  weights: number[],
  passage: Passage,
  question = '',
): string | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return undefined;
  const top = weights.indexOf(Math.max(...weights));
  if (weights[top] / total < DOMINANT_TOPIC_SHARE) return undefined;
  const text = normaliseForIndex(`${passage.chunk.headingPath.join(' ')} ${passage.chunk.text}`);
  // Only a look-alike counts against the passage: a term it lacks altogether may be a citizen's
  // word for an official one (驾校 for 驾驶培训), which the relevance decision has weighed already.
  const lookAlike = groups[top].some((term) => text.includes(term));
  if (lookAlike && !groups[top].some((term) => holdsTerm(term, text))) return groups[top][0];
  return processesOtherDocument(question, groups[top], text) ? groups[top][0] : undefined;
}

/**
 * Verbs of getting a certificate, card or licence issued (办理, 申领, 补办 …) and the certificate
 * right after them: 办理生育证, 申领居住证; not a clause that goes on ("申请需要提交居住登记证明").
 */
const ISSUING =
  /(?:办理|申请|申领|补办|换领|领取|核发|签发)(?![需要提交到向在的时应并及和或等办申领])(\p{Script=Han}{1,6}?[证卡照])/gu;

/**
 * Whether a question about getting a certificate (居住证怎么办理, 补办社保卡) meets a passage that
 * issues other certificates only: an article on applying for a 生育证 names 居住证 as where to
 * apply and a document to bring, and is no answer to how a 居住证 is obtained. Pure.
 */
export function processesOtherDocument(question: string, topic: string[], passageText: string): boolean {
  if (!/[证卡照]$/u.test(topic[0]) || !/办|申请|申领|领取|换/u.test(question)) return false;
  const issued = [...passageText.matchAll(ISSUING)].map((m) => m[1]);
  return issued.length > 0 && !issued.some((doc) => topic.some((t) => doc.includes(t)));
}

/**
 * The anchor sentence, with the lead of its list when it is an item: "（七）允许商业广告…进入幼儿园
 * 的" reads as a permission alone, and as an act sanctioned under "有下列行为之一的…没收违法所得：".
 */
function withListLead(
  pieces: QuotedPiece[],
  anchor: { passageIndex: number; start: number; text: string },
): string {
  if (!LEADING_ENUMERATOR.test(anchor.text)) return anchor.text;
  const lead = pieces
    .filter((p) => p.passageIndex === anchor.passageIndex && p.end <= anchor.start && isListLead(p.text))
    .at(-1);
  return lead ? `${lead.text}${anchor.text}` : anchor.text;
}

function refusal(retrieval: Retrieval, referralLine: string): { pieces: string[]; answer: Answer } {
  const text = referralText(retrieval, referralLine);
  return {
    pieces: [text],
    answer: refusalAnswer(text, 'extractive'),
  };
}

/** Lines quoting passage pieces; one citation per passage. */
function pieceLines(passages: Passage[], pieces: QuotedPiece[]): AnswerLine[] {
  return pieces.map((p) => {
    const passage = passages[p.passageIndex];
    return {
      text: p.text,
      block: p.item,
      item: p.item,
      source: { passage, start: p.start, end: p.end, key: passage.chunk.id },
    };
  });
}

/**
 * The offline answerer. It states what was asked in the documents' own words, with an [n] marker
 * for each source and citations whose offsets point into the document text:
 * - a 办事指南 question (materials, conditions, time limits, place, phone, visits, online,
 *   appointment, delivery, fees) is answered from the guide's field values;
 * - a question naming a law article gets the article;
 * - otherwise one passage answers (a short article whole, a list with its items), and another
 *   passage joins only to cover a part of the question the first does not;
 * - a number question leads with the number, a yes/no question with 可以/不可以 when the text says so;
 * - a part of the question no passage covers is named as not covered, with the referral line.
 * With nothing relevant it refuses and refers on instead of guessing.
 */
export function createExtractiveAnswerer({
  tokenizer,
  store,
  referralLine,
  ...selection
}: ExtractiveAnswererOptions): AnswerProvider {
  async function guideLines(question: string, top: Passage): Promise<AnswerLine[] | undefined> {
    const asks = guideAsks(question);
    const doc = await store.getDocument(top.chunk.docId);
    const guide = doc && parseServiceGuide(doc.text);
    if (!doc || !guide) return undefined;
    // A question no field names (能探望哪些亲属？要自己去申请吗？) is about who may apply and how:
    // the 受理条件 says it; a guide without one is answered from its passages instead.
    if (asks.length === 0 && !guide.fields.has('受理条件')) return undefined;
    // A part of the question no field answers ("补办之前要先做什么？") is read in the 受理条件,
    // where guides state such particulars.
    const unmapped = asks.length === 0 || askingParts(question).some((part) => guideAsks(part).length === 0);
    const { lines, missing } = composeGuideAnswer(guide, asks, { withConditions: unmapped });
    if (lines.length === 0) return undefined;
    const chunkAt = (start: number, end: number) =>
      doc.chunks.find((c) => c.start <= start && end <= c.end) ??
      doc.chunks.find((c) => c.start < end && start < c.end);
    const authority = guide.fields.get('实施主体')?.value;
    const title = /\d/.test(doc.meta.title) ? '' : `“${doc.meta.title}”`;
    const out: AnswerLine[] = [
      { text: `根据${authority && !/\d/.test(authority) ? authority : ''}${title}办事指南：`, own: true },
    ];
    /** A cited span of the guide's text, as a source in the passage that holds it. */
    const sourceAt = (span: { start: number; end: number }, key: string) => {
      const chunk = chunkAt(span.start, span.end);
      if (!chunk) return undefined;
      const passage: Passage = { chunk, meta: doc.meta, score: top.score, why: { matchedTerms: [] } };
      return { passage, start: span.start, end: span.end, key: `${doc.meta.id}:${key}` };
    };
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

  /** A question about the document itself ("这份文件的发文字号…什么时候发布的"), from its header. */
  async function documentFactAnswer(question: string, top: Passage): Promise<AnswerLine[] | undefined> {
    const facts = askedDocumentFacts(question);
    if (facts.length === 0 || !askingParts(question).every(asksDocumentFact)) return undefined;
    const doc = await store.getDocument(top.chunk.docId);
    if (!doc) return undefined;
    const out: AnswerLine[] = [];
    for (const line of documentFactLines(facts, doc.meta, doc.text)) {
      const chunk = doc.chunks.find((c) => c.start <= line.start && line.end <= c.end);
      if (!chunk) continue;
      const passage: Passage = { chunk, meta: doc.meta, score: top.score, why: { matchedTerms: [] } };
      out.push({
        text: line.text,
        block: true,
        source: { passage, start: line.start, end: line.end, key: `${doc.meta.id}:${line.fact}` },
      });
    }
    return out.length > 0 ? out : undefined;
  }

  async function passageLines(
    question: string,
    retrieval: Retrieval,
  ): Promise<AnswerLine[] | { notAbout: string } | undefined> {
    const passages = retrieval.passages;
    // The retriever's keyword groups, when it passed them, are the question's (topicalGroups is
    // idempotent); only a retrieval without them makes us tokenize and ask the store again.
    const groups = topicalGroups(
      retrieval.terms?.groups ?? tokenizer.tokenizeQuery(questionForTerms(question)),
    );
    const idf = retrieval.terms?.idf ?? (await store.idf(groups.flat()));
    const scored = scoreSentences(question, passages, groups, idf, selection.depth);
    const parts = askingParts(question);
    const composition = composeFromPassages(
      passages,
      scored,
      {
        multiPart: questionParts(question).length > 1,
        list: asksForList(question),
        references: asksPenalty(question) || asksPermission(question),
      },
      selection,
    );
    if (!composition) return undefined;
    const weights = termWeights(groups, idf);
    const anchor = composition.anchor;
    const missingTopic = dominantTopicMissing(groups, weights, passages[anchor.passageIndex], question);
    if (missingTopic) return { notAbout: missingTopic };
    const shown = [...passages];
    const pieces = [...composition.pieces];
    const leads = numberLeads(parts, pieces, anchor, groups, statedValues(question));
    if (leads.length === 0 && asksForNumber(question)) {
      // The quoted rule names its quantity by a term the document defines ("在午间和夜间"): the
      // definition states the number asked for ("午间，是指北京时间十二时至十四时之间的期间").
      const anchorPassage = passages[anchor.passageIndex];
      const doc = await store.getDocument(anchorPassage.chunk.docId);
      const used = definitionsUsed(
        doc ? definitionsIn(doc.chunks) : [],
        pieces.map((p) => p.text).join(''),
        (text) => numberLead(question, text) !== undefined,
      );
      for (const d of used) {
        shown.push({ ...anchorPassage, chunk: d.chunk, why: { matchedTerms: [] } });
        pieces.push({
          passageIndex: shown.length - 1,
          start: d.start,
          end: d.end,
          text: d.text,
          // On a line of its own; not read for a lead, which would give one of several hours.
          item: true,
        });
      }
    }
    const lines = pieceLines(shown, pieces);
    const quoted = pieces.map((p) => p.text).join('');
    const partial = retrieval.answerability?.outcome === 'partial';
    const notCovered = uncoveredAsks(question, groups, weights, quoted, { partial });
    // 可以/不可以 answers an ask; when every asking part is one the quote does not cover, the quote's
    // 不得 or 可以 is about something else ("…测尾气，要交钱吗？我能不配合吗？" over a rule on
    // marine discharges read 不可以).
    const asksUncovered = notCovered.length > 0 && notCovered.length >= askingParts(question).length;
    const yesNo =
      leads.length === 0 && !asksUncovered ? yesNoLead(question, withListLead(pieces, anchor)) : undefined;
    if (yesNo)
      leads.push({ text: yesNo, passageIndex: anchor.passageIndex, start: anchor.start, end: anchor.end });
    lines.unshift(
      ...leads.map((lead): AnswerLine => {
        const passage = shown[lead.passageIndex];
        return {
          text: lead.text,
          block: true,
          own: true,
          source: { passage, start: lead.start, end: lead.end, key: passage.chunk.id },
        };
      }),
    );
    if (notCovered.length > 0) {
      lines.push({
        text: partialNote(notCovered, { quotedOnly: partial }),
        own: true,
        block: true,
      });
    }
    return lines;
  }

  async function compose(
    question: string,
    retrieval: Retrieval,
  ): Promise<{ pieces: string[]; answer: Answer }> {
    if (!retrieval.relevant || retrieval.passages.length === 0) return refusal(retrieval, referralLine);
    const article = retrieval.passages.filter((p) => p.why.articleMatch);
    let lines: AnswerLine[] | { notAbout: string } | undefined;
    if (article.length > 0) {
      lines = pieceLines(
        article,
        article.flatMap((p, i) =>
          passageSentences(p).map((s) => ({ passageIndex: i, ...s }) satisfies QuotedPiece),
        ),
      );
    } else {
      lines =
        (await documentFactAnswer(question, retrieval.passages[0])) ??
        (await guideLines(question, retrieval.passages[0])) ??
        (await passageLines(question, retrieval));
    }
    if (lines && 'notAbout' in lines) {
      // The best passage only mentions the question's main subject in passing (居住证明 for 居住证):
      // say what is missing rather than quote it.
      const onward = referralText(retrieval, referralLine).replace(/^[^。]*。/u, '');
      const text = `抱歉，现有资料中没有找到关于“${lines.notAbout}”的规定，为避免误导，暂不作答。${onward}`;
      return { pieces: [text], answer: refusalAnswer(text, 'extractive') };
    }
    if (!lines?.some((l) => l.source)) return refusal(retrieval, referralLine);
    const rendered = renderLines(lines);
    return {
      pieces: rendered.pieces,
      answer: {
        answer: rendered.text,
        refused: false,
        grounded: true,
        citations: rendered.citations,
        provider: 'extractive',
      },
    };
  }

  return {
    id: 'extractive',
    async answer(question, retrieval) {
      return (await compose(question, relayablePassages(retrieval))).answer;
    },
    async *stream(question, retrieval, options) {
      const { pieces, answer } = await compose(question, relayablePassages(retrieval));
      for (const piece of pieces) {
        // Stream clause by clause so a client sees the text arrive as it would from a model.
        for (const part of piece.split(/(?<=[，,；;。！？\n])/)) {
          if (options?.signal?.aborted) return;
          if (part) yield { type: 'delta', text: part } satisfies AnswerEvent;
        }
      }
      yield { type: 'done', answer } satisfies AnswerEvent;
    },
  };
}
