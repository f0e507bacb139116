import type { Logger } from '../log/logger.js';
import type { ChatModel } from './chat-model.js';
import type { ConversationTurn } from './conversation-store.js';
import type { PromptSet } from './prompt-templates.js';
import { askOf, carriesEarlierTopic, dependency, pieces, subjectOf } from './question-dependency.js';

/** The question that is searched, and whether it differs from what the user typed. */
export interface RewriteResult {
  question: string;
  rewritten: boolean;
  by: 'none' | 'rules' | 'llm';
}

/** Turns a follow-up ("那需要带什么材料？") into a standalone question using the conversation. */
export interface QuestionRewriter {
  rewrite(
    question: string,
    history: ConversationTurn[],
    options?: { signal?: AbortSignal },
  ): Promise<RewriteResult>;
}

/** A follow-up needs the conversation to make sense (see question-dependency.ts for the rule). */
export function looksLikeFollowUp(question: string): boolean {
  return dependency(question).dependent;
}

/** The subject of a question: its topical words and service actions ("请问怎么申请公租房？" → "申请公租房"). */
export function topicOf(question: string): string {
  return subjectOf(question);
}

const unchanged = (question: string): RewriteResult => ({ question, rewritten: false, by: 'none' });

/**
 * Rule-based rewrite, only for a question that depends on the previous turn:
 * - no topic of its own or a pronoun: the previous subject is put in place of the pronoun, or in
 *   front:「怎么申请公租房？」+「那需要带什么材料？」→「申请公租房需要带什么材料？」;
 * - "那 X 呢？": X is asked what the previous question asked:
 *  「申请公租房需要什么材料？」+「那廉租房呢？」→「廉租房申请需要什么材料？」.
 * A question with its own topic is returned as asked.
 */
export function rewriteByRules(question: string, history: ConversationTurn[]): RewriteResult {
  const last = history.at(-1);
  if (!last) return unchanged(question);
  const dep = dependency(question);
  if (!dep.dependent) return unchanged(question);
  if (dep.reason === 'ellipsis') {
    const ask = askOf(last.standalone);
    return ask ? { question: `${dep.ownTopic}${ask}？`, rewritten: true, by: 'rules' } : unchanged(question);
  }
  const subject = subjectOf(last.standalone);
  if (!subject) return unchanged(question);
  const ps = pieces(question);
  while (ps[0] && (ps[0].kind === 'opener' || ps[0].kind === 'punct')) ps.shift();
  const rest = ps.map((p) => p.text).join('');
  if (rest.includes(subject)) return unchanged(question);
  const pronoun = ps.findIndex((p) => p.kind === 'pronoun');
  const rewritten =
    pronoun >= 0 ? ps.map((p, i) => (i === pronoun ? subject : p.text)).join('') : `${subject}${rest}`;
  return { question: rewritten, rewritten: true, by: 'rules' };
}

export class RuleQuestionRewriter implements QuestionRewriter {
  async rewrite(question: string, history: ConversationTurn[]): Promise<RewriteResult> {
    return rewriteByRules(question, history);
  }
}

export interface LlmQuestionRewriterOptions {
  chat: ChatModel;
  prompts: PromptSet;
  logger?: Logger;
  /** Called when the model failed and the rules were used instead. */
  onFallback?: (err: unknown) => void;
}

/**
 * Asks the chat model for the standalone question; falls back to the rules when the model fails
 * or returns something that is not a single short question. The model is asked even for a question
 * the rules find standalone (it may resolve a reference the rules miss), but its reply is then held
 * to the same dependency check: a reply that brings words of the earlier turns into a question with
 * its own topic is discarded and the question is searched as asked.
 */
export class LlmQuestionRewriter implements QuestionRewriter {
  constructor(private readonly options: LlmQuestionRewriterOptions) {}

  async rewrite(
    question: string,
    history: ConversationTurn[],
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<RewriteResult> {
    if (history.length === 0) return { question, rewritten: false, by: 'none' };
    const { chat, prompts } = this.options;
    const transcript = history
      .slice(-3)
      .map((t) => `用户：${t.standalone}\n助手：${t.answer.slice(0, 150)}`)
      .join('\n');
    try {
      const reply = await chat.complete(
        [
          { role: 'system', content: prompts.rewriteSystem.render({}) },
          { role: 'user', content: prompts.rewriteUser.render({ history: transcript, question }) },
        ],
        { signal },
      );
      const line = reply
        .trim()
        .split('\n')[0]
        .replace(/^(?:改写后的问题(?:（[^）]*）)?[:：])?\s*["“「]?|["”」]$/g, '')
        .trim();
      if (!line || line.length > Math.max(200, question.length * 4)) return rewriteByRules(question, history);
      // The rewrite is shown to the client: a reply repeating the instructions is not a question.
      if (echoesInstructions(reply, prompts.rewriteSystem.render({})))
        return rewriteByRules(question, history);
      // The same dependency check as the rules: a question with its own topic is never merged
      // with the conversation, whatever the model says.
      if (
        !dependency(question).dependent &&
        carriesEarlierTopic(
          question,
          line,
          history.map((t) => t.standalone),
        )
      ) {
        this.options.logger?.warn('question rewrite merged a standalone question; kept as asked');
        return unchanged(question);
      }
      return { question: line, rewritten: line !== question.trim(), by: 'llm' };
    } catch (err) {
      this.options.logger?.warn('question rewrite fell back to rules', { err });
      this.options.onFallback?.(err);
      return rewriteByRules(question, history);
    }
  }
}

/** True when `reply` contains the first 16 characters of an instruction line of `system` (lines of 12+). */
function echoesInstructions(reply: string, system: string): boolean {
  return system
    .split('\n')
    .map((l) => l.replace(/^\d+\.\s*/, '').slice(0, 16))
    .some((probe) => probe.length >= 12 && reply.includes(probe));
}
