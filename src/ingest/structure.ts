import { isBoilerplateLine } from '../text/boilerplate.js';

/**
 * The structure of a document as a flat list of blocks (paragraphs, metadata fields, law
 * articles), each with the heading path it sits under. Offsets point into the document text;
 * nothing is copied or rewritten, so chunks can always be `text.slice(start, end)`.
 */

export type BlockKind = 'para' | 'meta' | 'article';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Headings above the block, outermost first (the document title is not included). */
  path: string[];
  /** Law article label ('第十条', '第十七条之一') for article blocks. */
  article?: string;
  /** Start of the heading line(s) right above the block, when the block is the first under them. */
  headStart?: number;
  /** True when page chrome, a heading or a metadata marker stands between this block and the previous one. */
  barrier: boolean;
}

/** Longest line taken as a heading; longer lines that start like one are paragraphs. */
const MAX_HEADING_CHARS = 40;
/** Longest line taken as a numbered ("1.") heading. */
const MAX_NUMBERED_HEADING_CHARS = 30;
/** Longest first line taken as the document title when it is not a Markdown `# ` heading. */
const MAX_TITLE_LINE_CHARS = 60;

const CN_NUM = '[一二三四五六七八九十百千零〇两\\d]+';
const SPACE = '\\s';
const PART = new RegExp(`^第${CN_NUM}(分编|编|章|节)(?:${SPACE}|$)`);
const ARTICLE = new RegExp(`^(第${CN_NUM}条(?:之[一二三四五六七八九十]+)?)(?:${SPACE}|$)`);
const CN_ITEM = /^[一二三四五六七八九十]{1,3}、/;
const PAREN_ITEM = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const NUM_ITEM = /^\d{1,2}(?:[.．、](?!\d)|[)）])/;
const MD_HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const ENDS_SENTENCE = /[。；;！!？?，,：:]$/;
const META_LINE =
  /^[•·*\-\s]*(?:\*\*[^*\n]{1,16}\*\*\s*[：:]|(?:索引号|主题分类|发布日期|成文日期|发文字号|文号|发文机关|发布机构|发布机关|生效日期|施行日期|有效性|解读单位|联系电话|咨询电话|联系人|来源)[\s:：])/;
/** Inline headings of one-line documents: " 一、支持疫情防控物资供应 " between spaces. */
const INLINE_HEADING =
  /(?<=^|\s)((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^\s。；！？，,;!?]{2,30})(?=\s)/g;

const RANK = { 编: 10, 分编: 15, 章: 20, 节: 30, cn: 40, paren: 50, num: 60 } as const;

interface Line {
  start: number;
  end: number;
  text: string;
}

function trimmedLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    pos = nl + 1;
  }
  return lines;
}

/** "第一章  总　则" → "第一章 总则"; other headings get their whitespace collapsed. */
export function headingLabel(raw: string): string {
  const t = raw.replace(/^#+[ \t]+/, '').trim();
  const part = new RegExp(`^(第${CN_NUM}(?:分编|编|章|节))[ \\t\\u3000]*(.*)$`).exec(t);
  if (part) return part[2] ? `${part[1]} ${part[2].replace(/[ \t\u3000]+/g, '')}` : part[1];
  return t.replace(/[ \t\u3000]+/g, ' ');
}

/** The rank of a heading line (smaller = outer), or undefined if the line is not a heading. */
function headingRank(line: string, next: string | undefined): number | undefined {
  const md = MD_HEADING.exec(line);
  if (md) {
    const inner = headingRank(md[2], undefined);
    return inner ?? md[1].length * 10;
  }
  if (line.length > MAX_HEADING_CHARS || ENDS_SENTENCE.test(line)) return undefined;
  const part = PART.exec(line);
  if (part) return RANK[part[1] as '编' | '分编' | '章' | '节'];
  if (CN_ITEM.test(line)) return RANK.cn;
  if (PAREN_ITEM.test(line)) return RANK.paren;
  // "1." is a heading only above a longer, unnumbered paragraph; otherwise it is a list item.
  if (next !== undefined && NUM_ITEM.test(line) && line.length <= MAX_NUMBERED_HEADING_CHARS) {
    if (!NUM_ITEM.test(next) && next.length > line.length && !MD_HEADING.test(next)) return RANK.num;
  }
  return undefined;
}

function isTitleLine(line: string, hasMore: boolean): boolean {
  if (/^#[ \t]/.test(line)) return true;
  return (
    hasMore && line.length <= MAX_TITLE_LINE_CHARS && !/[。；;！!？?]$/.test(line) && !ARTICLE.test(line)
  );
}

export function parseStructure(text: string): Block[] {
  const lines = trimmedLines(text);
  const blocks: Block[] = [];
  const stack: { rank: number; label: string }[] = [];
  let article: Block | undefined;
  let headStart: number | undefined;
  let barrier = true;
  const path = () => stack.map((h) => h.label);
  const pushHeading = (rank: number, label: string, start: number) => {
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) stack.pop();
    stack.push({ rank, label });
    article = undefined;
    headStart ??= start;
    barrier = true;
  };
  const pushBlock = (start: number, end: number, kind: BlockKind) => {
    blocks.push({
      start,
      end,
      kind,
      path: path(),
      barrier,
      ...(headStart !== undefined ? { headStart } : {}),
    });
    headStart = undefined;
    barrier = false;
  };

  // Next non-blank line after each line, for the numbered-heading lookahead.
  const nextText: (string | undefined)[] = new Array(lines.length);
  for (let j = lines.length - 1, seen: string | undefined; j >= 0; j--) {
    nextText[j] = seen;
    if (lines[j].text !== '') seen = lines[j].text;
  }
  const nonBlank = lines.filter((l) => l.text !== '');
  let i = 0;
  // The first line is the title (kept in the heading path from the metadata, not in a chunk).
  if (nonBlank.length > 0 && isTitleLine(nonBlank[0].text, nonBlank.length > 1)) {
    i = lines.indexOf(nonBlank[0]) + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') continue;
    if (isBoilerplateLine(line.text) || /^<!--.*-->$/.test(line.text)) {
      barrier = true;
      headStart = undefined;
      continue;
    }
    const rank = headingRank(line.text, nextText[i]);
    if (rank !== undefined) {
      pushHeading(rank, headingLabel(line.text), line.start);
      continue;
    }
    const art = ARTICLE.exec(line.text);
    if (art) {
      article = {
        start: line.start,
        end: line.end,
        kind: 'article',
        path: [...path(), art[1]],
        barrier: true,
      };
      article.article = art[1];
      blocks.push(article);
      headStart = undefined;
      barrier = false;
      continue;
    }
    if (article) {
      article.end = line.end;
      continue;
    }
    if (META_LINE.test(line.text)) {
      pushBlock(line.start, line.end, 'meta');
      continue;
    }
    splitInlineHeadings(text, line, pushHeading, (s, e) => pushBlock(s, e, 'para'));
  }
  return blocks;
}

/** One-line documents carry their section headings inline; cut the line at them. */
function splitInlineHeadings(
  text: string,
  line: Line,
  onHeading: (rank: number, label: string, start: number) => void,
  onPara: (start: number, end: number) => void,
): void {
  let pos = line.start;
  for (const m of line.text.matchAll(INLINE_HEADING)) {
    const hs = line.start + (m.index ?? 0);
    const he = hs + m[1].length;
    emitTrimmed(text, pos, hs, onPara);
    onHeading(PAREN_ITEM.test(m[1]) ? RANK.paren : RANK.cn, m[1], hs);
    pos = he;
  }
  emitTrimmed(text, pos, line.end, onPara);
}

function emitTrimmed(text: string, start: number, end: number, emit: (s: number, e: number) => void): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) emit(s, e);
}
