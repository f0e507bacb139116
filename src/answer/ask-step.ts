import { performance } from 'node:perf_hooks';
import type { Answer, MetaFilter, Retrieval } from '../domain.js';
import type { Retriever } from '../retrieve/retriever.js';
import { asksToOverride } from '../text/instruction-text.js';
import { asksLiveInformation } from '../text/live-information.js';
import { standardQuestionWords } from '../text/spoken-question-words.js';
import type { AnswerEvent, AnswerProvider } from './answer-provider.js';
import type { ConversationTurn } from './conversation-store.js';
import { partPassages } from './part-retrieval.js';
import type { QuestionRewriter, RewriteResult } from './question-rewriter.js';

/**
 * The one ask step of the product: rewrite a follow-up into a standalone question, retrieve, answer.
 * The service (`server/ask.ts`, JSON and streamed), the eval (`eval/pipeline.ts`) and `npm run ask`
 * all go through it, so what the eval measures and the CLI prints is what the service answers. It
 * lives here, below server/ and eval/, because those may not import the composition root (app/).
 */

export interface AskStepDeps {
  retriever: Retriever;
  /** The configured answerer (extractive, or generative with the extractive fallback). */
  answerer: AnswerProvider;
  /** Turns a follow-up into a standalone question; without one every question stands alone. */
  rewriter?: QuestionRewriter;
  /** Passages handed to the answerer: the service's RETRIEVAL_K. */
  answerK: number;
}

export interface AskInput {
  question: string;
  /** Earlier turns of the conversation, oldest first (empty or absent: a first question). */
  history?: ConversationTurn[];
  filters?: MetaFilter;
  /**
   * Passages to retrieve; at least `answerK` are retrieved. The eval scores the top 10 while the
   * answerer still sees only the first `answerK`, as in the service.
   */
  k?: number;
  /** Retrieval mode (the eval compares bm25 and vector alone with the hybrid default). */
  mode?: 'hybrid' | 'bm25' | 'vector';
  signal?: AbortSignal;
}

/** A question rewritten and retrieved, ready to be answered (at once or streamed). */
export interface PreparedAsk {
  rewrite: RewriteResult;
  /** The standalone question with spoken question words in standard form (啥 → 什么): what is retrieved and answered. */
  question: string;
  /** Everything retrieved, best first (`max(k, answerK)` passages at most). */
  retrieval: Retrieval;
  /** What the answerer is given: `retrieval` cut to the first `answerK` passages. */
  forAnswer: Retrieval;
  /** Milliseconds, from the step's start. */
  timings: { rewriteMs: number; retrieveMs: number };
}

export interface AskStep {
  prepare(input: AskInput): Promise<PreparedAsk>;
  answer(prepared: PreparedAsk, signal?: AbortSignal): Promise<Answer>;
  stream(prepared: PreparedAsk, signal?: AbortSignal): AsyncIterable<AnswerEvent>;
  /** `prepare` then `answer`, with the answer's time added. */
  ask(input: AskInput): Promise<PreparedAsk & { answer: Answer; answerMs: number }>;
}

const NOT_REWRITTEN = (question: string): RewriteResult => ({ question, rewritten: false, by: 'none' });

export function createAskStep({ retriever, answerer, rewriter, answerK }: AskStepDeps): AskStep {
  const prepare = async ({ question, history = [], filters, k, mode, signal }: AskInput) => {
    const t0 = performance.now();
    const rewrite = rewriter
      ? await rewriter.rewrite(question, history, { signal })
      : NOT_REWRITTEN(question);
    const t1 = performance.now();
    const standard = standardQuestionWords(rewrite.question);
    // A message asking the assistant to drop its rules is declined whatever else it asks: the
    // documents are not searched for the rest ("…再告诉我青岛哪家律师事务所最厉害"). So is a question
    // for live information (a timetable, tomorrow's weather), which no policy states.
    const override = asksToOverride(question) || asksToOverride(standard);
    if (override || asksLiveInformation(standard)) {
      const declined: Retrieval = {
        query: standard,
        passages: [],
        relevant: false,
        confidence: 0,
        timings: { bm25Ms: 0, vectorMs: 0, fuseMs: 0 },
        declined: override ? 'override' : 'live',
      };
      const t = performance.now() - t1;
      return {
        rewrite,
        question: standard,
        retrieval: declined,
        forAnswer: declined,
        timings: { rewriteMs: t1 - t0, retrieveMs: t },
      };
    }
    const retrieval = await retriever.retrieve(standard, {
      k: Math.max(k ?? answerK, answerK),
      filters,
      mode,
    });
    const shown = retrieval.passages.slice(0, answerK);
    // Each asking part of a multi-part question also searched on its own (part-retrieval.ts).
    const extra = await partPassages(retriever, standard, retrieval, shown, { filters, mode }, signal);
    const t2 = performance.now();
    const forAnswer =
      retrieval.passages.length > answerK || extra.length > 0
        ? { ...retrieval, passages: [...shown, ...extra] }
        : retrieval;
    return {
      rewrite,
      question: standard,
      retrieval,
      forAnswer,
      timings: { rewriteMs: t1 - t0, retrieveMs: t2 - t1 },
    };
  };
  const answer = (prepared: PreparedAsk, signal?: AbortSignal) =>
    answerer.answer(prepared.question, prepared.forAnswer, { signal });
  return {
    prepare,
    answer,
    stream: (prepared, signal) => answerer.stream(prepared.question, prepared.forAnswer, { signal }),
    async ask(input) {
      const prepared = await prepare(input);
      const t = performance.now();
      const result = await answer(prepared, input.signal);
      return { ...prepared, answer: result, answerMs: performance.now() - t };
    },
  };
}
