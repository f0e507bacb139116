import type { Citation, Passage } from '../domain.js';
import { citePassage } from './citations.js';
import { displayText, splitArticleLabel } from './display-text.js';

/** One line of a composed answer, before markers. */
export interface AnswerLine {
  /** Text as found in the document (cleaned for display when rendered), or our own wording. */
  text: string;
  /** What the line states, cited as `[n]`; lines with the same `key` share one citation. */
  source?: { passage: Passage; start: number; end: number; key: string };
  /** Shown on a line of its own (a lead, a field, a list item). */
  block?: boolean;
  /** An enumerated item: items of one source in a row share one marker, after the last. */
  item?: boolean;
  /** Our own wording (a lead-in, a note): shown as written, not cleaned. */
  own?: boolean;
}

export interface RenderedAnswer {
  /** The answer text with [n] markers. */
  text: string;
  /** Pieces in order, for streaming. */
  pieces: string[];
  citations: Citation[];
}

/**
 * Puts the marker before a line's closing punctuation: "…4.5万个[1]。" (a closing ，/、 becomes 。);
 * a sentence closed inside a quotation keeps its marks after the marker: "…平稳有序进行[1]。”" (not
 * "…进行。”[1]。", which read as a sentence of its own holding only the marker).
 */
export function withMarker(text: string, n: number): string {
  const quoted = /([。！？!?；;])([”’」』]+)$/u.exec(text);
  if (quoted) return `${text.slice(0, quoted.index)}[${n}]${quoted[1]}${quoted[2]}`;
  const match = /[。！？!?；;，,、：:]$/.exec(text);
  if (!match) return `${text}[${n}]。`;
  const end = /[。！？!?；;：:]/.test(match[0]) ? match[0] : '。';
  const wide: Record<string, string> = { ';': '；', ':': '：', '!': '！', '?': '？' };
  return `${text.slice(0, -1)}[${n}]${wide[end] ?? end}`;
}

/**
 * Renders lines into the answer: consecutive lines from one source run on as a paragraph, block
 * lines stand on their own, and the marker of a source follows the last line of each run, so a
 * list reads as a list with one [n] and an article as a paragraph. A leading article label is
 * shown apart ("第十四条：在市南区…"). Each citation quotes the exact file text from the first
 * to the last line it covers.
 */
export function renderLines(lines: AnswerLine[]): RenderedAnswer {
  const numberOf = new Map<string, number>();
  const spans = new Map<number, { passage: Passage; start: number; end: number }>();
  for (const line of lines) {
    if (!line.source) continue;
    const { key, passage, start, end } = line.source;
    const n = numberOf.get(key) ?? numberOf.size + 1;
    numberOf.set(key, n);
    const span = spans.get(n);
    spans.set(n, {
      passage,
      start: Math.min(span?.start ?? start, start),
      end: Math.max(span?.end ?? end, end),
    });
  }
  const pieces: string[] = [];
  // A run: consecutive lines of one source that read as one paragraph or one list; a block that
  // is not an item (a lead, a field) is a run of its own.
  const joins = (a: AnswerLine | undefined, b: AnswerLine | undefined): boolean =>
    a !== undefined &&
    b !== undefined &&
    a.source !== undefined &&
    a.source.key === b.source?.key &&
    !(a.block && !a.item) &&
    !(b.block && !b.item) &&
    !!a.item === !!b.item;
  lines.forEach((line, i) => {
    let text = line.own ? line.text : displayText(line.text);
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const startsRun = !joins(prev, line);
    const endsRun = !joins(line, next);
    if (startsRun && !line.own && !line.item) {
      const { label, rest } = splitArticleLabel(text);
      if (label) text = `${label}：${rest}`;
    }
    if (line.source && endsRun) text = withMarker(text, numberOf.get(line.source.key) ?? 0);
    else if (!endsRun && !line.block && !/[。！？；…：，、]$/.test(text)) text += '。';
    const breakBefore = i > 0 && (line.block || prev?.block || startsRun);
    pieces.push(`${breakBefore ? '\n' : ''}${text}`);
  });
  const citations: Citation[] = [...spans.entries()].map(([n, s]) =>
    citePassage(n, s.passage, s.start, s.end, true),
  );
  return { text: pieces.join(''), pieces, citations };
}
