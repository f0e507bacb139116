import type { ChatMessage, ChatModel } from '../answer/chat-model.js';
import { asData, MAX_PASSAGE_CHARS } from '../answer/prompt-data.js';
import { type Passage, RETRIEVAL_DEFAULTS } from '../domain.js';
import { isAppError } from '../errors.js';
import { maskPersonalNumbers } from '../log/mask.js';
import { bookTitle, headingSuffix } from '../text/citation-text.js';
import type { JudgePrompts } from './judge-prompts.js';
import { parseJudgeReply } from './judge-reply.js';
import type { ItemJudge, ItemJudgement, JudgedQuestion, JudgeMetric } from './judge-result.js';
import type { MetricResult } from './metric.js';
import type { PipelineOutput } from './pipeline.js';

/** What one judge call sees: question, the answer exactly as produced, and the passages shown. */
export interface JudgeRequest {
  question: string;
  answer: string;
  passages: Passage[];
}

export interface LlmJudgeOptions {
  chat: ChatModel;
  prompts: JudgePrompts;
  /**
   * Passages the judge sees: the first N of the ranked list, i.e. what the answerer was handed (the
   * service's RETRIEVAL_K, default `RETRIEVAL_DEFAULTS.k`), numbered [1]..[N] as the answerer numbered them so the
   * answer's [n] citations point at the same text.
   */
  maxPassages?: number;
  /** Characters of each passage shown; default MAX_PASSAGE_CHARS, the answerer's own guard. */
  maxPassageChars?: number;
}

/** Rating at or above which a judged metric passes (4 of 5: "supported / addressed, minor slips"). */
export const JUDGE_PASS_RATING = 4;

/** Renders the two chat messages of one judge call. Exported for tests and prompt reviews. */
export function judgeMessages(
  prompts: JudgePrompts,
  { question, answer, passages }: JudgeRequest,
  maxPassageChars = MAX_PASSAGE_CHARS,
): ChatMessage[] {
  const rendered = passages
    .map((p, i) => {
      const title = bookTitle(p.meta.title);
      return `[${i + 1}] ${title}${headingSuffix(p.chunk.headingPath)}\n<资料>\n${asData(p.chunk.text.slice(0, maxPassageChars))}\n</资料>`;
    })
    .join('\n\n');
  return [
    { role: 'system', content: prompts.system.render({}) },
    {
      role: 'user',
      content: prompts.user.render({
        // Masked as the answerer masks it: a chat model never needs a citizen's ID or phone number.
        question: asData(maskPersonalNumbers(question)),
        count: passages.length,
        passages: rendered,
        answer: asData(answer),
      }),
    },
  ];
}

function metric(score: number, reason: string): JudgeMetric {
  return {
    pass: score >= JUDGE_PASS_RATING,
    score: (score - 1) / 4,
    rating: score,
    reason: `${score}/5 ${reason}`,
  };
}

/** One judge call. Throws on a provider error or a reply that does not follow the rubric. */
export async function judgeAnswer(
  chat: ChatModel,
  prompts: JudgePrompts,
  request: JudgeRequest,
  maxPassageChars?: number,
): Promise<Extract<ItemJudgement, { status: 'judged' }>> {
  const reply = await chat.complete(judgeMessages(prompts, request, maxPassageChars));
  const parsed = parseJudgeReply(reply);
  return {
    status: 'judged',
    faithfulness: metric(parsed.faithfulness.score, parsed.faithfulness.reason),
    relevance: metric(parsed.relevance.score, parsed.relevance.reason),
  };
}

function failed(err: unknown): ItemJudgement {
  const error = isAppError(err)
    ? `${err.code}: ${err.message}`
    : err instanceof Error
      ? err.message
      : String(err);
  const result: MetricResult = { pass: false, score: 0, reason: `judge error: ${error}` };
  return { status: 'failed', error, faithfulness: result, relevance: result };
}

/**
 * An `ItemJudge` over a chat model. Calls are made one at a time by the runner (a rate-limited
 * endpoint is the common case). A correct refusal (an unanswerable item, refused) has nothing to
 * judge and is skipped; a false refusal is judged, so relevance marks it down.
 */
export function createLlmJudge({
  chat,
  prompts,
  maxPassages = RETRIEVAL_DEFAULTS.k,
  maxPassageChars = MAX_PASSAGE_CHARS,
}: LlmJudgeOptions): ItemJudge {
  return {
    model: chat.id,
    async judge(item: JudgedQuestion, output: PipelineOutput): Promise<ItemJudgement> {
      if (output.answer.refused && !item.answerable) {
        return { status: 'skipped', reason: 'refused an unanswerable question (nothing to judge)' };
      }
      try {
        return await judgeAnswer(
          chat,
          prompts,
          {
            question: item.question,
            answer: output.answer.answer,
            passages: output.passages.slice(0, maxPassages),
          },
          maxPassageChars,
        );
      } catch (err) {
        return failed(err);
      }
    },
  };
}
