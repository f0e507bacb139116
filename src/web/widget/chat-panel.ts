import type { WireWidgetConfig } from '../shared/api-types.js';
import { h } from '../shared/dom.js';
import { AnswerView } from './answer-view.js';
import { askStreaming, fetchWidgetConfig, ProblemError } from './ask-client.js';
import { icon } from './icons.js';
import type { WidgetOptions } from './widget-options.js';

const LARGE_KEY = 'zw-assistant-large';

/** The launcher button and the chat panel, built inside the widget's shadow root. */
export function mountChat(root: ShadowRoot, options: WidgetOptions): { open(): void } {
  const launcher = h('button', {
    type: 'button',
    class: 'launcher',
    'aria-haspopup': 'dialog',
    'aria-expanded': 'false',
  });
  launcher.append(icon('chat'), options.title);

  const titleId = 'zw-title';
  const large = h(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'aria-pressed': 'false',
      'aria-label': '大字模式（适老化：大字号、高对比）',
    },
    '大字',
  );
  const close = h('button', { type: 'button', class: 'icon-btn', 'aria-label': '关闭对话' }, icon('close'));
  const log = h('div', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    'aria-relevant': 'additions text',
    'aria-label': '对话记录',
    tabindex: '0',
  });
  const input = h('textarea', {
    id: 'zw-input',
    rows: 1,
    placeholder: '请输入您的问题',
    'aria-label': '您的问题',
  });
  const send = h('button', { type: 'submit', class: 'send' }, '发送');
  const form = h('form', { 'aria-label': '提问' }, input, send);
  const panel = h(
    'div',
    { class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, hidden: true },
    h('header', {}, h('h2', { id: titleId }, options.title), large, close),
    log,
    form,
    h('div', { class: 'foot' }, '回答依据已公开的政策文件自动生成，请以原文为准。'),
  );
  root.append(launcher, panel);

  // The question limit and the referral line are the service's (MAX_QUESTION_CHARS, REFERRAL_LINE).
  let serverConfig: WireWidgetConfig | undefined;
  void fetchWidgetConfig(options.apiBase).then((config) => {
    serverConfig = config;
    if (config) input.maxLength = config.maxQuestionChars;
  });
  const referral = () => (serverConfig ? `您也可以拨打 ${serverConfig.referralLine} 咨询。` : '');

  let conversationId: string | undefined;
  let busy = false;
  let askedInitial = false;
  const answers: AnswerView[] = [];

  const greeting = h('div', { class: 'msg bot' }, options.greeting);
  log.append(greeting);
  if (options.suggestions.length) {
    const list = h('div', { class: 'suggestions', role: 'group', 'aria-label': '常见问题' });
    for (const s of options.suggestions) {
      const b = h('button', { type: 'button' }, s);
      b.addEventListener('click', () => ask(s));
      list.append(b);
    }
    log.append(list);
  }

  const setLarge = (on: boolean) => {
    panel.classList.toggle('large', on);
    large.setAttribute('aria-pressed', String(on));
    try {
      localStorage.setItem(LARGE_KEY, on ? '1' : '0');
    } catch {
      // Storage may be blocked (private mode, sandboxed frame): the toggle still works for this page.
    }
  };
  try {
    setLarge(localStorage.getItem(LARGE_KEY) === '1');
  } catch {
    setLarge(false);
  }
  large.addEventListener('click', () => {
    setLarge(!panel.classList.contains('large'));
    log.scrollTop = log.scrollHeight;
  });

  const open = () => {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    if (options.initialQuestion && !askedInitial) {
      askedInitial = true;
      void ask(options.initialQuestion);
    }
  };
  const hide = () => {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };
  launcher.addEventListener('click', open);
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    if (answers.some((a) => a.closeCard())) return;
    hide();
  });

  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };

  async function ask(question: string): Promise<void> {
    const q = question.trim();
    if (!q || busy) return;
    busy = true;
    send.disabled = true;
    log.append(h('div', { class: 'msg user' }, q));
    const view = new AnswerView({
      apiBase: options.apiBase,
      question: q,
      ask: (next) => void ask(next),
      config: () => serverConfig,
    });
    answers.push(view);
    log.append(view.el);
    log.setAttribute('aria-busy', 'true');
    scroll();
    try {
      await askStreaming(
        options.apiBase,
        { question: q, conversationId },
        {
          onSources: (sources) => view.setSources(sources),
          onDelta: (t) => {
            view.appendText(t);
            scroll();
          },
          onCitations: (c) => view.setCitations(c),
          onDone: (a) => {
            conversationId = a.conversationId ?? conversationId;
            view.finish(a, root);
            scroll();
          },
          onError: (p) => view.fail(`抱歉，回答出错：${p.detail ?? p.title ?? '未知错误'}。${referral()}`),
        },
      );
    } catch (err) {
      const detail = err instanceof ProblemError ? (err.problem.detail ?? err.problem.title) : '网络连接失败';
      view.fail(`抱歉，暂时无法回答：${detail}。${referral()}`);
    } finally {
      busy = false;
      send.disabled = false;
      log.setAttribute('aria-busy', 'false');
      scroll();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value;
    input.value = '';
    void ask(q);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  if (options.open) open();
  return { open };
}
