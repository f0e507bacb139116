/**
 * Does a question depend on the previous turn of the conversation? Only a question that does may be
 * rewritten with the conversation's topic (issue 13: "算力券是什么？怎么申请？" after a question about
 * 5G base stations was merged into "2025年青岛要建个5G基站算力券是什么？…" because it had fewer than
 * six content characters).
 *
 * The question is split, longest match first, into closed word classes — interrogatives, the
 * aspects of a service that people ask about (the fields of a 办事指南: 材料, 条件, 时限, 费用, 电话,
 * 地点, 流程 …), service actions (申请, 办理 …), function words, pronouns that point back, and
 * openers (那, 还有 …) — and what is left: the question's own topical words. The classes are the
 * grammar of a question, not its subject, so the lists are closed: a new policy name never needs to
 * be added anywhere.
 *
 * A question depends on the previous turn when
 * - it points back (它, 这个, 上述, 该政策 …), or
 * - it names no topic of its own (only aspects and interrogatives: "那需要什么材料？", "办理时限多久？"), or
 * - it is an elliptical "那 X 呢？": a topic and no ask of its own ("那廉租房呢？").
 * Any other question stands alone, even when it starts with 那 or 另外.
 */

import { generalFrequency } from '../text/general-rarity.js';

/** What a piece of the question is. `topic` is everything outside the closed classes. */
export type PieceKind =
  | 'opener'
  | 'pronoun'
  | 'interrogative'
  | 'aspect'
  | 'action'
  | 'function'
  | 'punct'
  | 'topic';

export interface QuestionPiece {
  text: string;
  kind: PieceKind;
}

/** Why a question does or does not depend on the previous turn. */
export type Dependency =
  | { dependent: true; reason: 'points-back' | 'no-topic' | 'ellipsis'; ownTopic: string }
  | { dependent: false; reason: 'own-topic'; ownTopic: string };

/**
 * Shortest run of topical characters that counts as a topic of its own. Two: Chinese topical words
 * are two characters or longer (医保, 社保, 5G); a single leftover character is almost always a verb
 * the lists do not hold (建, 领) — measured on the multi-turn dialogues in
 * test/answer/question-rewriter.test.ts (2026-11-30).
 */
export const MIN_TOPIC_RUN = 2;

const COURTESY =
  /^(?:你好|您好)?[，,！!\s]*(?:请问一下|请问|我想问一下|我想问|想问一下|想咨询一下|想咨询|咨询一下)[，,\s]*/;

const words = (s: string) => s.trim().split(/\s+/);

/** Only at the start of a question: words that lean on what was said before. */
const OPENERS = words('那么 那 那请问 还有 另外 此外 然后 再问一下 如果是 如果 要是 假如 那如果');

const CLASSES: [Exclude<PieceKind, 'opener' | 'punct' | 'topic'>, string[]][] = [
  [
    'pronoun',
    words(
      '它 它们 这个 那个 这些 那些 这项 那项 此项 该项 这种 那种 上述 上面 前面 刚才 该事项 该政策 该业务 该补贴 其中',
    ),
  ],
  [
    'interrogative',
    words(`什么 是什么 为什么 怎么 怎么样 怎样 如何 哪里 哪儿 哪个 哪些 哪 哪家 在哪 去哪 谁 几 几个 几天
      多少 多少钱 多久 多长时间 多长 什么时候 何时 是否 能否 能不能 可不可以 可否 有没有 是不是 要不要 啥 咋 吗 呢 吧 么 嘛`),
  ],
  [
    'aspect',
    words(`材料 申请材料 所需材料 证件 手续 条件 受理条件 申请条件 资格 要求 标准 时限 办结时限 承诺时限 法定时限
      期限 时间 工作日 费用 收费 价格 钱 电话 咨询电话 联系电话 联系方式 地点 地址 办理地点 窗口 流程 程序 步骤
      方式 渠道 途径 限制 网上办理 网上 线上 现场 到场 到现场 次数 对象 范围 依据 政策依据 内容 规定 意思 含义 区别
      结果 进度 有效期 截止`),
  ],
  ['action', words('申请 办理 办 提交 准备 携带 带 交 缴纳 提供 领取 补办 续办 查询 预约')],
  [
    'function',
    words(`的 了 是 有 在 到 去 找 用 给 和 与 或 还 也 都 就 又 再 个 些 多 好 完 下来 一下 一般 具体 需要 需 要
      能 会 可以 可 得 我 我们 你 您 自己 本人 请 想 想要 吗 呀 啊 哦`),
  ],
];

const LEXICON = new Map<string, Exclude<PieceKind, 'opener' | 'punct' | 'topic'>>();
// Earlier classes win for a word listed twice (吗 is an interrogative, not a function word).
for (const [kind, list] of CLASSES) for (const w of list) if (!LEXICON.has(w)) LEXICON.set(w, kind);
const LONGEST = Math.max(...[...LEXICON.keys(), ...OPENERS].map((w) => w.length));
const PUNCT = /[\p{P}\p{S}\s]/u;

/** The question without a courtesy opening ("您好，请问…"). */
export function withoutCourtesy(question: string): string {
  return question.trim().replace(COURTESY, '');
}

/** Longest dictionary word tried when segmenting a question, in characters. */
const MAX_WORD = 6;

/** True when `word` is made entirely of closed-class words (办好 = 办 + 好, 几个 = 几 + 个). */
function allClosed(word: string): boolean {
  if (word.length === 0) return true;
  for (let len = Math.min(LONGEST, word.length); len >= 1; len--)
    if (LEXICON.has(word.slice(0, len)) && allClosed(word.slice(len))) return true;
  return false;
}

/**
 * Splits a question into closed-class words and runs of topical words, by forward maximum matching
 * over the closed classes and jieba's dictionary: at each position the longer of the closed-class
 * word and the dictionary word wins (a tie goes to the closed class), so 就 does not cut 就业 in two
 * and 个 does not cut 个税, while 办好 (办 + 好) stays two closed-class words. Characters of words
 * the dictionary lacks (算力券, 公租房) become topical characters one by one; adjacent topical
 * pieces are joined into one run.
 */
export function pieces(question: string): QuestionPiece[] {
  const q = withoutCourtesy(question);
  const out: QuestionPiece[] = [];
  const push = (text: string, kind: PieceKind) => {
    const last = out.at(-1);
    if (kind === 'topic' && last?.kind === 'topic') last.text += text;
    else out.push({ text, kind });
  };
  let i = 0;
  while (i < q.length) {
    if (PUNCT.test(q[i])) {
      push(q[i], 'punct');
      i++;
      continue;
    }
    const atStart = out.every((p) => p.kind === 'punct' || p.kind === 'opener');
    let closed: QuestionPiece | undefined;
    for (let len = Math.min(LONGEST, q.length - i); len >= 1 && !closed; len--) {
      const w = q.slice(i, i + len);
      // Longest first, so 那个 (a pronoun) wins over the opener 那.
      if (atStart && OPENERS.includes(w)) closed = { text: w, kind: 'opener' };
      else if (LEXICON.has(w)) closed = { text: w, kind: LEXICON.get(w) as PieceKind };
    }
    let word = '';
    for (let len = Math.min(MAX_WORD, q.length - i); len >= 2 && !word; len--) {
      const w = q.slice(i, i + len);
      if (!PUNCT.test(w) && generalFrequency(w) > 0 && !allClosed(w)) word = w;
    }
    if (closed && closed.text.length >= word.length) {
      push(closed.text, closed.kind);
      i += closed.text.length;
    } else {
      const text = word || q[i];
      push(text, 'topic');
      i += text.length;
    }
  }
  return out;
}

/** The question's own topical words, in order ("算力券是什么？怎么申请？" → "算力券"). */
export function ownTopicOf(question: string): string {
  return pieces(question)
    .filter((p) => p.kind === 'topic' && p.text.length >= MIN_TOPIC_RUN)
    .map((p) => p.text)
    .join(' ');
}

/** Whether `question` needs the previous turn to make sense (see the file comment for the rule). */
export function dependency(question: string): Dependency {
  const ps = pieces(question);
  const ownTopic = ps
    .filter((p) => p.kind === 'topic' && p.text.length >= MIN_TOPIC_RUN)
    .map((p) => p.text)
    .join('');
  if (ps.some((p) => p.kind === 'pronoun')) return { dependent: true, reason: 'points-back', ownTopic };
  if (!ownTopic) return { dependent: true, reason: 'no-topic', ownTopic };
  const content = ps.filter((p) => p.kind !== 'punct');
  const endsWithNe = content.at(-1)?.text === '呢';
  const asks = content.some(
    (p) =>
      p.kind === 'aspect' || (p.kind === 'interrogative' && !['呢', '吗', '吧', '么', '嘛'].includes(p.text)),
  );
  if (endsWithNe && !asks) return { dependent: true, reason: 'ellipsis', ownTopic };
  return { dependent: false, reason: 'own-topic', ownTopic };
}

/**
 * The subject of a (standalone) question: its topical words and service actions, in order, without
 * interrogatives, aspects or particles ("申请公租房需要什么材料？" → "申请公租房").
 */
export function subjectOf(question: string): string {
  return pieces(question)
    .filter((p) => p.kind === 'topic' || p.kind === 'action')
    .map((p) => p.text)
    .join('');
}

/**
 * What a question asks, without its subject: service actions, interrogatives and aspects, in order
 * ("申请公租房需要什么材料？" → "申请需要什么材料"). Empty when it asks nothing in particular.
 */
export function askOf(question: string): string {
  const ps = pieces(question);
  if (!ps.some((p) => p.kind === 'aspect' || p.kind === 'interrogative')) return '';
  return ps
    .filter(
      (p) =>
        p.kind === 'action' ||
        p.kind === 'aspect' ||
        (p.kind === 'interrogative' && !['呢', '吗', '吧', '么', '嘛'].includes(p.text)) ||
        p.text === '需要' ||
        p.text === '要',
    )
    .map((p) => p.text)
    .join('');
}

/**
 * True when `rewritten` carries words of the earlier turns that `question` does not have — a merge.
 * Compared by character pairs of the topical runs, so rewording ("带" → "携带") is not a merge but
 * "…5G基站算力券…" is (基站 comes from the earlier question).
 */
export function carriesEarlierTopic(question: string, rewritten: string, earlier: string[]): boolean {
  const asked = withoutCourtesy(question);
  const before = earlier.join('\n');
  for (const p of pieces(rewritten)) {
    if (p.kind !== 'topic') continue;
    for (let i = 0; i + 2 <= p.text.length; i++) {
      const pair = p.text.slice(i, i + 2);
      if (!asked.includes(pair) && before.includes(pair)) return true;
    }
  }
  return false;
}
