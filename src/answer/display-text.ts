/**
 * Display text of quoted document text. What a citizen reads is cleaned; what is cited is not: a
 * citation keeps the file's offsets and its exact `quote`, only the answer's wording changes.
 *
 * - half-width , ; : ( ) ? ! next to Chinese text become ，；：（）？！ (the seed and many
 *   regulations mix them: "发展,推动" reads "发展，推动"); "1,000", "12:30" and URLs stay;
 * - spaces and line breaks between Chinese characters go, other runs of whitespace become one space;
 * - leading bullets (•, ·, -, *) and Markdown bold markers (**) go;
 * - a piece that is only an enumerator ("（一）", "5.", "(3)") is dropped: `isEnumeratorOnly`.
 */

import { ARTICLE_LABEL } from '../text/piece-labels.js';

const HAN = /\p{Script=Han}/u;
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '?': '？',
  '!': '！',
};
const CHINESE_PUNCT = /[，。；：、！？（）《》“”]/;

/** An enumerator alone: （一） 一、 (3) 3. 3、 ①. */
const ENUMERATOR_ONLY =
  /^\s*(?:[（(]\s*[一二三四五六七八九十百\d]{1,4}\s*[)）]|[一二三四五六七八九十百]{1,4}、|\d{1,3}\s*[.、．)）]|[①-⑳])\s*[。；;，,]?\s*$/u;

export function isEnumeratorOnly(text: string): boolean {
  return ENUMERATOR_ONLY.test(text);
}

function isHanOrChinesePunct(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CHINESE_PUNCT.test(ch));
}

/** The cleaned display form of a piece of document text (see the module comment). Pure. */
export function displayText(text: string): string {
  // Markdown bold (**受理条件**：) is layout, not text.
  let out = text
    .replace(/\*\*/g, '')
    .replace(/^[\s•·●▪■◆*-]+/u, '')
    .trimEnd();
  // Whitespace: gone between Chinese characters/punctuation, one space elsewhere.
  out = out.replace(/\s+/g, (ws, i: number, s: string) =>
    isHanOrChinesePunct(s[i - 1]) || isHanOrChinesePunct(s[i + ws.length]) ? '' : ' ',
  );
  // Half-width punctuation touching Chinese text (on either side) becomes full-width.
  let result = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    const wide = FULL_WIDTH[ch];
    if (
      wide &&
      (isHanOrChinesePunct(out[i - 1]) || isHanOrChinesePunct(out[i + 1]) || ch === '(' || ch === ')')
    ) {
      // A bracket pairs with its partner: "(工作日)" after a digit still reads as Chinese brackets
      // when it encloses Chinese text.
      if ((ch === '(' || ch === ')') && !bracketEnclosesChinese(out, i)) {
        result += ch;
        continue;
      }
      result += wide;
      continue;
    }
    result += ch;
  }
  // A guide field whose value repeats its name ("**办理地点**：办理地点：广州市…") reads it once.
  return result.replace(/^(\p{Script=Han}{2,8})：\1：/u, '$1：');
}

/** Whether the bracket at `i` opens or closes a bracketed run that holds Chinese text. */
function bracketEnclosesChinese(text: string, i: number): boolean {
  if (text[i] === '(') {
    const close = text.indexOf(')', i + 1);
    return close > i && HAN.test(text.slice(i + 1, close));
  }
  const open = text.lastIndexOf('(', i - 1);
  return open >= 0 && HAN.test(text.slice(open + 1, i));
}

/**
 * Splits a leading article label off a piece: "第十四条 在市南区…" → { label: '第十四条', rest:
 * '在市南区…' }, so the label is shown apart ("第十四条：…") instead of glued to the text.
 */
export function splitArticleLabel(text: string): { label?: string; rest: string } {
  const m = ARTICLE_LABEL.exec(text);
  if (!m || m[0].length >= text.length) return { rest: text };
  return { label: m[1], rest: text.slice(m[0].length) };
}
