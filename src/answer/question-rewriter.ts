import type { Logger } from '../log/logger.js';
import type { ChatModel } from './chat-model.js';
import type { ConversationTurn } from './conversation-store.js';
import type { PromptSet } from './prompt-templates.js';

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

/** Openings that lean on the previous turn: 那/那么/还有/另外/它/这个 … */
const FOLLOW_UP_START =
  /^(?:那么?(?:如果|要是|这个|该)?|还有|另外|此外|然后|再问一下|那请问|如果是?|要是|这个|那个|它|其|该|上述|这些|那些)[，,、\s]*/;
const REFERS_BACK = /(这个|那个|这些|那些|它|上述|该事项|该政策|此项|这项|那项|前面|刚才)/;
const COURTESY =
  /^(?:你好|您好)?[，,！!\s]*(?:请问一下|请问|我想问一下|我想问|想问一下|想咨询一下|想咨询|咨询一下)[，,\s]*/;
const INTERROGATIVE =
  /(怎么样|怎么|如何|怎样|在哪里|在哪儿|去哪里|哪里|什么时候|多长时间|多久|多少钱|多少|是否|能否|能不能|可不可以|可以吗|需要哪些|需要什么|要什么|有哪些|是什么|什么|哪些|吗|呢|吧)/g;
const TRAILING_PUNCT = /[？?。！!，,\s]+$/;

/** Characters of content left when question words and punctuation are removed. */
const contentLength = (q: string) => q.replace(INTERROGATIVE, '').replace(/[\p{P}\s]/gu, '').length;

/** A follow-up needs the conversation to make sense. Short questions (< 6 content characters) count. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim().replace(COURTESY, '');
  return FOLLOW_UP_START.test(q) || REFERS_BACK.test(q) || contentLength(q) < 6;
}

/** The subject of a question: courtesy, interrogatives and final punctuation removed. */
export function topicOf(question: string): string {
  return question.trim().replace(COURTESY, '').replace(INTERROGATIVE, '').replace(TRAILING_PUNCT, '').trim();
}

/**
 * Rule-based rewrite: carry the topic of the previous standalone question into the follow-up.
 * 「怎么申请公租房？」+「那需要带什么材料？」→「申请公租房需要带什么材料？」
 */
export function rewriteByRules(question: string, history: ConversationTurn[]): RewriteResult {
  const last = history.at(-1);
  if (!last || !looksLikeFollowUp(question)) return { question, rewritten: false, by: 'none' };
  const topic = topicOf(last.standalone);
  if (!topic) return { question, rewritten: false, by: 'none' };
  const rest = question
    .trim()
    .replace(COURTESY, '')
    .replace(FOLLOW_UP_START, '')
    .replace(/^(?:这个|那个|它的?|其|该)/, '');
  if (rest.includes(topic)) return { question, rewritten: false, by: 'none' };
  return { question: `${topic}${rest}`, rewritten: true, by: 'rules' };
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
 * or returns something that is not a single short question.
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
        .replace(/^(?:改写后的问题[:：])?\s*["“「]?|["”」]$/g, '')
        .trim();
      if (!line || line.length > Math.max(200, question.length * 4)) return rewriteByRules(question, history);
      // The rewrite is shown to the client: a reply repeating the instructions is not a question.
      if (echoesInstructions(reply, prompts.rewriteSystem.render({})))
        return rewriteByRules(question, history);
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
