import type { Answer, Passage, Retrieval } from '../domain.js';
import { relayableText } from '../ingest/flag-passages.js';
import { maskPersonalNumbers } from '../log/mask.js';
import { bookTitle, headingSuffix } from '../text/citation-text.js';
import type { AnswerEvent, AnswerOptions, AnswerProvider } from './answer-provider.js';
import type { ChatMessage, ChatModel } from './chat-model.js';
import { type CitationCheckOptions, checkCitations } from './citation-check.js';
import { asData, MAX_PASSAGE_CHARS } from './prompt-data.js';
import type { PromptSet } from './prompt-templates.js';
import { declinedRefusalText, refusalAnswer } from './referral.js';

export interface GenerativeAnswererOptions {
  chat: ChatModel;
  prompts: PromptSet;
  /** The line citizens are referred to (config.referralLine). */
  referralLine: string;
  /** Upper bound on answer length asked of the model, in characters. Default 600. */
  maxAnswerChars?: number;
  /** Characters of each passage shown to the model. Default MAX_PASSAGE_CHARS (chunks are smaller; a guard). */
  maxPassageChars?: number;
  check?: CitationCheckOptions;
  /** Called after each model call with its duration and outcome, for metrics. */
  onModelCall?: (ms: number, outcome: 'ok' | 'error') => void;
}

/**
 * The line the user message carries after a `partial` relevance decision: the passages hold the
 * question's topic but may not describe the citizen's case.
 */
export const PARTIAL_SCOPE =
  '\n检索提示：以上资料与问题只部分相关，可能并不对应问题描述的情况。请只回答资料确实写明的部分，不要下“可以”“不可以”的结论，也不要把资料中的某个数字直接当作问题的答案，并在最后说明这些规定未必完全对应提问人的情况，建议向主管部门或政务服务热线确认。\n';

/** Phrases the prompt tells the model to use when the passages do not answer. */
const MODEL_REFUSAL = /(没有找到|未找到|未提及|没有提及|无法回答|不能回答)/;

/**
 * Answers with a chat model from the numbered passages, then checks every sentence against them
 * (citation-check.ts). When retrieval says nothing relevant was found it refuses without calling
 * the model. Deltas are the model's raw text; the final `done` answer is the checked one.
 */
export class GenerativeAnswerer implements AnswerProvider {
  readonly id: string;
  private readonly chat: ChatModel;
  private readonly prompts: PromptSet;
  private readonly referralLine: string;
  private readonly maxAnswerChars: number;
  private readonly maxPassageChars: number;
  private readonly check: CitationCheckOptions;
  private readonly onModelCall: (ms: number, outcome: 'ok' | 'error') => void;
  private readonly leakProbes: string[];

  constructor({
    chat,
    prompts,
    referralLine,
    maxAnswerChars = 600,
    maxPassageChars = MAX_PASSAGE_CHARS,
    check = {},
    onModelCall = () => {},
  }: GenerativeAnswererOptions) {
    this.id = chat.id;
    this.chat = chat;
    this.prompts = prompts;
    this.referralLine = referralLine;
    this.maxAnswerChars = maxAnswerChars;
    this.maxPassageChars = maxPassageChars;
    // A note that part of the question is not covered may refer on to the referral line.
    this.check = { referralLine, ...check };
    this.onModelCall = onModelCall;
    // Long lines of the system prompt: if one shows up in an answer, the instructions leaked.
    this.leakProbes = this.systemPrompt()
      .split('\n')
      .map((l) => l.replace(/^\d+\.\s*/, '').slice(0, 24))
      .filter((l) => l.length >= 16);
  }

  async answer(question: string, retrieval: Retrieval, options: AnswerOptions = {}): Promise<Answer> {
    if (this.mustRefuse(retrieval)) return this.refusal(question, retrieval);
    const started = performance.now();
    let text: string;
    try {
      text = await this.chat.complete(this.messagesFor(question, retrieval), { signal: options.signal });
      this.onModelCall(performance.now() - started, 'ok');
    } catch (err) {
      this.onModelCall(performance.now() - started, 'error');
      throw err;
    }
    return this.finish(question, text, retrieval.passages);
  }

  async *stream(
    question: string,
    retrieval: Retrieval,
    options: AnswerOptions = {},
  ): AsyncIterable<AnswerEvent> {
    if (this.mustRefuse(retrieval)) {
      const answer = this.refusal(question, retrieval);
      yield { type: 'delta', text: answer.answer };
      yield { type: 'done', answer };
      return;
    }
    const started = performance.now();
    let text = '';
    // A tail that could be the start of a leak probe is held back until it is either complete
    // (and detected) or ruled out, so no character of a leaked instruction line reaches the client.
    let sent = 0;
    const upstream = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, upstream.signal]) : upstream.signal;
    try {
      for await (const piece of this.chat.stream(this.messagesFor(question, retrieval), { signal })) {
        text += piece;
        if (this.leaks(text)) {
          // Stop the model: nothing more of this reply will be shown.
          upstream.abort();
          break;
        }
        const safe = text.length - this.probePrefixLength(text);
        if (safe > sent) {
          yield { type: 'delta', text: text.slice(sent, safe) };
          sent = safe;
        }
      }
      this.onModelCall(performance.now() - started, 'ok');
    } catch (err) {
      this.onModelCall(performance.now() - started, 'error');
      throw err;
    }
    if (!this.leaks(text) && text.length > sent) yield { type: 'delta', text: text.slice(sent) };
    yield { type: 'done', answer: this.finish(question, text, retrieval.passages) };
  }

  /** The messages for a retrieval: its passages, and the partial hint after a partial decision. */
  private messagesFor(question: string, retrieval: Retrieval): ChatMessage[] {
    return this.messages(question, retrieval.passages, {
      partial: retrieval.answerability?.outcome === 'partial',
    });
  }

  /** The messages sent to the model; exported behaviour for tests and prompt reviews. */
  messages(
    question: string,
    passages: Passage[],
    { partial = false }: { partial?: boolean } = {},
  ): ChatMessage[] {
    const rendered = passages.map((p, i) => this.renderPassage(i + 1, p)).join('\n\n');
    return [
      { role: 'system', content: this.systemPrompt() },
      {
        role: 'user',
        content: this.prompts.answerUser.render({
          count: passages.length,
          passages: rendered,
          // After a partial decision (retrieve/answerability-model.ts) the model is told the passages
          // may not be the citizen's case, as the extractive answer says it (PARTIAL_HEDGE).
          scope: partial ? PARTIAL_SCOPE : '',
          // Citizens type their ID and phone numbers into questions; the model never needs them.
          question: asData(maskPersonalNumbers(question)),
        }),
      },
    ];
  }

  private systemPrompt(): string {
    return this.prompts.answerSystem.render({
      referralLine: this.referralLine,
      maxChars: this.maxAnswerChars,
    });
  }

  private renderPassage(n: number, p: Passage): string {
    const { meta, chunk } = p;
    const facts = [meta.docNumber, meta.publishDate ?? meta.effectiveDate].filter(Boolean).join('，');
    const head = `[${n}] ${bookTitle(meta.title)}${facts ? `（${facts}）` : ''}${headingSuffix(chunk.headingPath)}`;
    return `${head}\n<资料>\n${asData(relayableText(chunk).slice(0, this.maxPassageChars))}\n</资料>`;
  }

  private mustRefuse(retrieval: Retrieval): boolean {
    return !retrieval.relevant || retrieval.passages.length === 0;
  }

  /** The refusal never repeats the question: it may carry markup, numbers or injected text (issue 14 item 10). */
  private refusal(_question: string, retrieval?: Retrieval): Answer {
    const declined = retrieval && declinedRefusalText(retrieval, this.referralLine);
    return refusalAnswer(
      declined ?? this.prompts.refusal.render({ referralLine: this.referralLine }),
      this.id,
    );
  }

  /** Length of the longest tail of `text` that begins some leak probe. */
  private probePrefixLength(text: string): number {
    let longest = 0;
    for (const probe of this.leakProbes) {
      for (let n = Math.min(probe.length - 1, text.length); n > longest; n--) {
        if (text.endsWith(probe.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest;
  }

  private leaks(text: string): boolean {
    return this.leakProbes.some((probe) => text.includes(probe));
  }

  private finish(question: string, text: string, passages: Passage[]): Answer {
    if (this.leaks(text)) {
      return { ...this.refusal(question), grounded: false };
    }
    let checked = checkCitations(text, passages, this.check);
    if (!checked.answer && text.trim())
      checked = checkCitations(text, passages, { ...this.check, unsupported: 'mark' });
    const modelRefused = checked.citations.length === 0 && MODEL_REFUSAL.test(text);
    if (modelRefused) {
      return refusalAnswer(text.trim(), this.id);
    }
    return {
      answer: checked.answer,
      refused: false,
      grounded: checked.grounded,
      citations: checked.citations,
      provider: this.id,
    };
  }
}
