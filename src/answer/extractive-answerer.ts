import { type Answer, type Passage, RETRIEVAL_DEFAULTS, type Retrieval } from '../domain.js';
import type { SearchStore } from '../index/search-store.js';
import { relayablePassages } from '../ingest/flag-passages.js';
import { asksForNumber, topicalGroups } from '../retrieve/query-terms.js';
import { questionForTerms } from '../retrieve/question-forms.js';
import { termWeights } from '../retrieve/relevance.js';
import { statedValues, statesRangeHolding } from '../retrieve/stated-values.js';
import { isPlaceGroup } from '../text/place-names.js';
import { questionParts } from '../text/question-parts.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { AnswerEvent, AnswerProvider } from './answer-provider.js';
import { answersAskKind, asksPenalty, asksPermission } from './ask-kinds.js';
import { composeFromPassages } from './compose-passage.js';
import { type AnswerLine, renderLines } from './compose-render.js';
import { withDefinitionsUsed } from './defined-terms.js';
import { asksOnlyDocumentFacts, documentFactAnswerLines } from './document-lines.js';
import {
  anchoredOnAsk,
  type SelectionParams,
  scoreSentences,
  statesAmountAsked,
} from './extractive-selection.js';
import { guideAnswer } from './guide-answer.js';
import { numberLeads } from './number-leads.js';
import { PARTIAL_HEDGE, partialNote } from './partial-answer.js';
import { passageSentences, type QuotedPiece } from './passage-pieces.js';
import { askedPart, askingParts, uncoveredAsks } from './question-asks.js';
import { type ReadDocument, readOnce } from './read-once.js';
import { notAboutText, referralText, refusalAnswer } from './referral.js';
import { articlesReferring } from './referring-articles.js';
import { withStatedRanges } from './stated-case.js';
import { dominantTopicMissing } from './topic-check.js';
import { amountUnstated } from './unstated-amount.js';
import { withListLead, yesNoLead } from './yes-no-lead.js';

export interface ExtractiveAnswererOptions extends SelectionParams {
  tokenizer: Tokenizer;
  store: SearchStore;
  /** Where citizens are referred when nothing relevant is found (config.referralLine). */
  referralLine: string;
}

/** A refusal as the answerer's result: the text is its one piece. */
function refusalOf(text: string): { pieces: string[]; answer: Answer } {
  return { pieces: [text], answer: refusalAnswer(text, 'extractive') };
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
  /** A question about the document itself ("这份文件的发文字号…什么时候发布的"), from its header. */
  async function documentFactAnswer(
    question: string,
    top: Passage,
    read: ReadDocument,
  ): Promise<AnswerLine[] | undefined> {
    if (!asksOnlyDocumentFacts(question)) return undefined;
    const doc = await read(top.chunk.docId);
    return doc ? documentFactAnswerLines(question, doc, top) : undefined;
  }

  async function passageLines(
    question: string,
    retrieval: Retrieval,
    read: ReadDocument,
  ): Promise<AnswerLine[] | { notAbout: string } | { amountUnstated: true } | undefined> {
    const retrieved = retrieval.passages;
    // The retriever's keyword groups, when it passed them, are the question's (topicalGroups is
    // idempotent); only a retrieval without them makes us tokenize and ask the store again.
    const groups = topicalGroups(
      retrieval.terms?.groups ?? tokenizer.tokenizeQuery(questionForTerms(question)),
    );
    const idf = retrieval.terms?.idf ?? (await store.idf(groups.flat()));
    // The passages a part found on its own search come after the question's (part-retrieval.ts):
    // scored too, beyond the depth the question's own passages are read to.
    const depth = selection.depth ?? RETRIEVAL_DEFAULTS.k;
    const ranked = scoreSentences(question, retrieved, groups, idf, retrieved.length).filter(
      (s) => s.passageIndex < depth || retrieved[s.passageIndex].why.askedPart !== undefined,
    );
    const parts = askingParts(question);
    // A one-part question's ask (多久, 谁, 去哪儿, 要钱吗, 有几天) is answered by the passage that states it,
    // when that passage comes close to the best; a multi-part question's parts are answered below.
    const statesAmount = statesAmountAsked(question, groups);
    const scored =
      parts.length > 1
        ? ranked
        : anchoredOnAsk(
            ranked,
            retrieved,
            (text) => answersAskKind(question, text) || (statesAmount?.(text) ?? false),
            selection.keepRatio,
          );
    const weights = termWeights(groups, idf);
    const references = asksPenalty(question) || asksPermission(question);
    // The rule and its penalty: the articles naming the anchor join even when not retrieved.
    const passages = references
      ? [
          ...retrieved,
          ...(await articlesReferring(retrieved, retrieved[scored[0]?.passageIndex ?? -1], read)),
        ]
      : retrieved;
    const composition = composeFromPassages(
      passages,
      scored,
      {
        multiPart: questionParts(question).length > 1,
        references,
        parts: parts.length > 1 ? parts.map((part) => askedPart(part, groups, weights)) : [],
        placeGroups: new Set(groups.flatMap((g, i) => (isPlaceGroup(g) ? [i] : []))),
      },
      selection,
    );
    if (!composition) return undefined;
    const anchor = composition.anchor;
    const missingTopic = dominantTopicMissing(groups, weights, passages[anchor.passageIndex], question);
    if (missingTopic) return { notAbout: missingTopic };
    const stated = statedValues(question);
    // The sentence that holds the citizen's own case (30岁, 15度), when a quoted passage lists ranges.
    const cited =
      stated.length > 0
        ? withStatedRanges(passages, composition.pieces, (text) =>
            stated.some((v) => statesRangeHolding(text, v)),
          )
        : [...composition.pieces];
    const leads = numberLeads(
      parts,
      cited,
      anchor,
      groups,
      stated,
      new Map([...composition.answeredParts].map(([i, sentence]) => [parts[i], sentence])),
    );
    // A quantity the quoted rule names by a defined term (在午间和夜间) is stated by its definition.
    const { shown, pieces } =
      leads.length === 0 && asksForNumber(question)
        ? await withDefinitionsUsed(question, passages[anchor.passageIndex], passages, cited, read)
        : { shown: passages, pieces: cited };
    const quoted = pieces.map((p) => p.text).join('');
    // A one-part question after a sum, a period in days or months, an age or points, quoted a text
    // that states none: the figure asked is not in the documents (unstated-amount.ts).
    if (leads.length === 0 && parts.length <= 1 && amountUnstated(question, quoted))
      return { amountUnstated: true };
    const lines = pieceLines(shown, pieces);
    const partial = retrieval.answerability?.outcome === 'partial';
    // A part a sentence was added for is answered by it, whatever words it is stated in; so is a part
    // a number lead answers ("…多久能拿到" led by 15日 is not also said to be unstated).
    const added = [
      ...[...composition.answeredParts.keys()].map((i) => parts[i]),
      ...leads.flatMap((lead) => (lead.part ? [lead.part] : [])),
    ];
    const notCovered = uncoveredAsks(question, groups, weights, quoted, { partial }).filter(
      (ask) => !added.some((part) => part.startsWith(ask)),
    );
    // 可以/不可以 answers an ask; when every asking part is one the quote does not cover, the quote's
    // 不得 or 可以 is about something else ("…测尾气，要交钱吗？我能不配合吗？" over a rule on
    // marine discharges read 不可以).
    const asksUncovered = notCovered.length > 0 && notCovered.length >= parts.length;
    // After a partial decision the quoted rule may be another case's: no 可以/不可以 is stated for it.
    const yesNo =
      leads.length === 0 && !asksUncovered && !partial
        ? yesNoLead(question, withListLead(pieces, anchor))
        : undefined;
    if (yesNo)
      leads.push({ text: yesNo, passageIndex: anchor.passageIndex, start: anchor.start, end: anchor.end });
    // After a partial decision a number is not stated as the answer either: the quoted rule, which
    // still states it, may be another case's (a coach-station rule's 五时 for a metro timetable).
    lines.unshift(
      ...(partial ? [] : leads).map((lead): AnswerLine => {
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
    } else if (partial) {
      lines.push({ text: PARTIAL_HEDGE, own: true, block: true });
    }
    return lines;
  }

  async function compose(
    question: string,
    retrieval: Retrieval,
  ): Promise<{ pieces: string[]; answer: Answer }> {
    if (!retrieval.relevant || retrieval.passages.length === 0)
      return refusalOf(referralText(retrieval, referralLine));
    const article = retrieval.passages.filter((p) => p.why.articleMatch);
    let lines: AnswerLine[] | { notAbout: string } | { amountUnstated: true } | undefined;
    if (article.length > 0) {
      lines = pieceLines(
        article,
        article.flatMap((p, i) =>
          passageSentences(p).map((s) => ({ passageIndex: i, ...s }) satisfies QuotedPiece),
        ),
      );
    } else {
      // One question may read a document for its guide fields, its header, the penalty article and
      // the definitions a rule uses: each document is read from the store once.
      const read = readOnce(store);
      lines =
        (await documentFactAnswer(question, retrieval.passages[0], read)) ??
        (await guideAnswer(question, retrieval, read, { store, referralLine })) ??
        (await passageLines(question, retrieval, read));
    }
    if (lines && 'amountUnstated' in lines) {
      // The documents speak of the matter but state no figure: say so, and refer on.
      return refusalOf(referralText(retrieval, referralLine, { amountUnstated: true }));
    }
    if (lines && 'notAbout' in lines) {
      // The passage or guide is not about the question's main subject: say what is missing.
      return refusalOf(notAboutText(lines.notAbout, referralLine));
    }
    if (!lines?.some((l) => l.source)) return refusalOf(referralText(retrieval, referralLine));
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
