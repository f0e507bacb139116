import type { WireAnswer, WireCitation, WireSource, WireWidgetConfig } from '../shared/api-types.js';
import { clear, copyText, h } from '../shared/dom.js';
import { answerWithSources, findPhones, splitAnswer } from './answer-segments.js';
import { sendFeedback } from './ask-client.js';
import { icon } from './icons.js';
import { relatedQuestions } from './related-questions.js';
import { sourceCard } from './source-card.js';

/** What an answer needs from the panel around it. */
export interface AnswerContext {
  apiBase: string;
  /** The question as the citizen asked it (the search link after a refusal uses it). */
  question: string;
  /** Asks another question in the same conversation (a related question after a refusal). */
  ask(question: string): void;
  /** The service's configuration, once read (referral line and phones, comment limit). */
  config(): WireWidgetConfig | undefined;
}

let cardCounter = 0;

/**
 * One bot answer in the log. Text arrives in pieces (`appendText`), citations later; the body is
 * re-rendered from the raw text each time, which is cheap at answer sizes and keeps chips right
 * while a marker is still half-streamed ("[1" then "]").
 */
export class AnswerView {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly extras: HTMLElement;
  private raw = '';
  private citations: WireCitation[] = [];
  private sources: WireSource[] = [];
  private openCard: { n: number; el: HTMLElement; chip: HTMLButtonElement } | undefined;

  private readonly apiBase: string;

  constructor(private readonly context: AnswerContext) {
    this.apiBase = context.apiBase;
    this.body = h('div', { class: 'typing' });
    this.extras = h('div');
    this.el = h(
      'div',
      { class: 'msg bot', role: 'article', 'aria-label': '助手回答' },
      this.body,
      this.extras,
    );
  }

  appendText(text: string): void {
    this.raw += text;
    this.render();
  }

  /** The retrieved passages (their headings give the related questions after a refusal). */
  setSources(sources: WireSource[]): void {
    this.sources = sources;
  }

  setCitations(citations: WireCitation[]): void {
    this.citations = citations;
    this.render();
  }

  /** The answer is complete: show refusal referral, feedback and copy. */
  finish(answer: WireAnswer, root: ShadowRoot): void {
    this.raw = answer.answer;
    this.citations = answer.citations ?? this.citations;
    this.body.classList.remove('typing');
    this.render();
    clear(this.extras);
    if (answer.refused) this.extras.append(this.afterRefusal(answer.answer));
    if (answer.rewrittenQuestion) {
      this.extras.append(h('div', { class: 'rewritten' }, `已按“${answer.rewrittenQuestion}”检索`));
    }
    this.extras.append(this.actions(answer, root));
  }

  fail(message: string): void {
    this.body.classList.remove('typing');
    this.el.classList.add('error');
    this.raw = this.raw ? `${this.raw}\n\n${message}` : message;
    this.render();
  }

  /** Closes an open source card; returns true when one was open (Esc closes the card first). */
  closeCard(): boolean {
    if (!this.openCard) return false;
    const { chip } = this.openCard;
    this.toggleCard(this.openCard.n, chip);
    chip.focus();
    return true;
  }

  private render(): void {
    const open = this.openCard?.n;
    clear(this.body);
    for (const seg of splitAnswer(this.raw)) {
      if (seg.kind === 'text') {
        this.body.append(seg.text);
        continue;
      }
      const c = this.citations.find((x) => x.n === seg.n);
      const chip = h(
        'button',
        {
          type: 'button',
          class: 'cite',
          'aria-label': c ? `来源 ${seg.n}：${c.title}` : `来源 ${seg.n}`,
          'aria-expanded': open === seg.n ? 'true' : 'false',
          disabled: !c,
        },
        String(seg.n),
      );
      chip.addEventListener('click', () => this.toggleCard(seg.n, chip));
      this.body.append(chip);
    }
    if (this.openCard) {
      // Re-attach the open card after a re-render so streaming does not close it.
      this.body.append(this.openCard.el);
    }
  }

  private toggleCard(n: number, chip: HTMLButtonElement): void {
    const wasOpen = this.openCard?.n === n;
    this.openCard?.el.remove();
    this.openCard = undefined;
    for (const other of this.body.querySelectorAll('.cite')) other.setAttribute('aria-expanded', 'false');
    if (wasOpen) return;
    const c = this.citations.find((x) => x.n === n);
    if (!c) return;
    const id = `zw-card-${++cardCounter}`;
    const el = sourceCard(this.apiBase, c, id);
    this.openCard = { n, el, chip };
    chip.setAttribute('aria-expanded', 'true');
    chip.setAttribute('aria-controls', id);
    this.body.append(el);
    el.scrollIntoView({ block: 'nearest' });
  }

  /**
   * What to do next after a refusal. The refusal itself is the answer text, said once; this box
   * adds only actions: the referral phone(s) as links, up to three related questions from the
   * nearest headings of the retrieved passages, and the same question in the staff-style search.
   */
  private afterRefusal(text: string): HTMLElement {
    const phones = findPhones(text);
    for (const p of this.context.config()?.referralPhones ?? []) if (!phones.includes(p)) phones.push(p);
    const box = h('div', { class: 'referral', role: 'note' });
    if (phones.length) {
      box.append(
        h(
          'div',
          { class: 'phones' },
          ...phones.map((p) =>
            h('a', { href: `tel:${p.replace(/-/g, '')}`, 'aria-label': `拨打 ${p}` }, icon('phone'), p),
          ),
        ),
      );
    }
    const related = relatedQuestions(this.sources, this.context.question);
    if (related.length) {
      const list = h('div', { class: 'suggestions', role: 'group', 'aria-label': '您可以试试这样问' });
      for (const q of related) {
        const b = h('button', { type: 'button' }, q);
        b.addEventListener('click', () => this.context.ask(q));
        list.append(b);
      }
      box.append(h('div', { class: 'try' }, '您可以试试这样问：'), list);
    }
    box.append(
      h(
        'a',
        {
          class: 'search-link',
          href: `${this.apiBase}/staff?q=${encodeURIComponent(this.context.question)}`,
          target: '_blank',
          rel: 'noopener',
        },
        icon('search'),
        '在政策文件库中检索原文',
      ),
    );
    return box;
  }

  /**
   * After “没帮助”: an optional “what was wrong” note, sent as a second feedback record for the same
   * request (the rating itself is already stored, so a citizen who closes the chat still counts).
   */
  private commentForm(requestId: string, status: HTMLElement): HTMLElement {
    const form = h('form', { class: 'comment' });
    const box = h('textarea', {
      rows: '2',
      // The API's limit; before the configuration is read, the API itself refuses a longer comment.
      maxlength: this.context.config()?.maxCommentChars,
      'aria-label': '哪里不对（选填）',
      placeholder: '哪里不对？（选填）',
    });
    const send = h('button', { type: 'submit' }, '提交');
    form.append(box, send);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const comment = box.value.trim();
      if (!comment) return;
      send.disabled = true;
      const ok = await sendFeedback(this.apiBase, { requestId, rating: 'down', comment });
      status.textContent = ok ? '已收到您的意见' : '意见未能提交';
      if (ok) form.remove();
      else send.disabled = false;
    });
    return form;
  }

  private actions(answer: WireAnswer, root: ShadowRoot): HTMLElement {
    const status = h('span', { class: 'status', role: 'status' });
    const bar = h('div', { class: 'actions' });
    if (answer.requestId) {
      const requestId = answer.requestId;
      const up = h(
        'button',
        { type: 'button', 'aria-pressed': 'false', 'aria-label': '有帮助' },
        icon('thumbUp'),
        '有帮助',
      );
      const down = h(
        'button',
        { type: 'button', 'aria-pressed': 'false', 'aria-label': '没帮助' },
        icon('thumbDown'),
        '没帮助',
      );
      const rate = async (rating: 'up' | 'down', btn: HTMLButtonElement, other: HTMLButtonElement) => {
        btn.setAttribute('aria-pressed', 'true');
        other.setAttribute('aria-pressed', 'false');
        const ok = await sendFeedback(this.apiBase, { requestId, rating });
        status.textContent = ok ? '感谢您的反馈' : '反馈未能提交';
        const open = bar.nextElementSibling?.matches('form.comment');
        if (rating === 'down' && ok && !open) bar.after(this.commentForm(requestId, status));
      };
      up.addEventListener('click', () => rate('up', up, down));
      down.addEventListener('click', () => rate('down', down, up));
      bar.append(up, down);
    }
    const copy = h('button', { type: 'button' }, '复制回答');
    copy.addEventListener('click', async () => {
      const ok = await copyText(answerWithSources(answer), root);
      status.textContent = ok ? '已复制回答和出处' : '复制失败';
    });
    bar.append(copy, status);
    return bar;
  }
}
