import type { Chunk, SourceDocument, Span } from '../domain.js';
import { bookTitle } from '../text/citation-text.js';
import {
  fieldGroupOf,
  type GuideFieldGroup,
  guideFieldValue,
  parseGuideFields,
} from '../text/guide-fields.js';
import { splitClauses, splitSentences } from '../text/sentences.js';
import { type Block, parseStructure } from './structure.js';

/**
 * Structure-aware chunking: sections follow the document's headings (第X编/章/节, 一、, （一）,
 * Markdown #), law articles (第X条) are one chunk each where they fit, small paragraphs under the
 * same heading are merged, and anything too long is cut at sentence boundaries with a small
 * overlap of whole sentences. Every chunk's text is `doc.text.slice(start, end)`.
 */

export interface ChunkOptions {
  /**
   * Upper bound of a chunk in characters (UTF-16 units). 480 holds a typical law article
   * (median ≈ 90, 95th percentile ≈ 400 chars in ../shared/corpus laws) and one seed section
   * paragraph, and keeps a passage short enough to show and to embed whole.
   */
  maxChars?: number;
  /** A trailing piece of a split block shorter than this is folded into the piece before it. */
  minChars?: number;
  /** Whole sentences, up to this many characters, repeated at the start of the next piece of a split block. */
  overlapChars?: number;
}

/** Pieces of `[start, end)` no longer than `max` (except a folded tail), cut at sentence boundaries. */
export function splitSpan(
  text: string,
  start: number,
  end: number,
  { maxChars, minChars, overlapChars }: Required<ChunkOptions>,
): Span[] {
  const units: Span[] = [];
  for (const s of splitSentences(text, start, end)) {
    if (s.end - s.start <= maxChars) {
      units.push(s);
      continue;
    }
    for (const c of splitClauses(text, s.start, s.end)) {
      // A clause longer than the bound (tables, lists without punctuation): cut it hard.
      for (let p = c.start; p < c.end; p += maxChars) {
        let ps = p;
        let pe = Math.min(c.end, p + maxChars);
        while (ps < pe && /\s/.test(text[ps])) ps++;
        while (pe > ps && /\s/.test(text[pe - 1])) pe--;
        if (pe > ps) units.push({ start: ps, end: pe });
      }
    }
  }
  if (units.length === 0) return [];
  const pieces: Span[] = [];
  let a = 0;
  while (a < units.length) {
    let b = a + 1;
    while (b < units.length && units[b].end - units[a].start <= maxChars) b++;
    pieces.push({ start: units[a].start, end: units[b - 1].end });
    if (b >= units.length) break;
    // Overlap: step back over whole sentences that fit in overlapChars, keeping progress and the bound.
    let k = b;
    while (
      k - 1 > a &&
      units[b - 1].end - units[k - 1].start <= overlapChars &&
      units[b].end - units[k - 1].start <= maxChars
    ) {
      k--;
    }
    a = k;
  }
  const last = pieces[pieces.length - 1];
  if (pieces.length > 1 && last.end - last.start < minChars) {
    pieces.pop();
    pieces[pieces.length - 1].end = last.end;
  }
  return pieces;
}

interface Draft extends Span {
  path: string[];
  article?: string;
}

/** Chunks of one document, in document order. */
export function chunkDocument(doc: SourceDocument, options: ChunkOptions = {}): Chunk[] {
  const opts: Required<ChunkOptions> = {
    maxChars: options.maxChars ?? 480,
    minChars: options.minChars ?? 60,
    overlapChars: options.overlapChars ?? 60,
  };
  const { text } = doc;
  const root = bookTitle(doc.meta.title || doc.id);
  const guide = guideDrafts(text, opts);
  if (guide) return toChunks(doc, root, guide);
  const drafts: Draft[] = [];
  let group: (Draft & { kind: Block['kind'] }) | undefined;
  const flush = () => {
    if (group) drafts.push({ start: group.start, end: group.end, path: group.path });
    group = undefined;
  };
  const emitSplit = (start: number, end: number, path: string[], article?: string) => {
    for (const p of splitSpan(text, start, end, opts))
      drafts.push({ ...p, path, ...(article ? { article } : {}) });
  };

  for (const block of parseStructure(text)) {
    if (block.kind === 'article') {
      flush();
      emitSplit(block.start, block.end, block.path, block.article);
      continue;
    }
    const start = block.headStart ?? block.start;
    const mergeable =
      group &&
      !block.barrier &&
      group.kind === block.kind &&
      samePath(group.path, block.path) &&
      block.end - group.start <= opts.maxChars;
    if (mergeable && group) {
      group.end = block.end;
      continue;
    }
    flush();
    if (block.end - start > opts.maxChars) emitSplit(start, block.end, block.path);
    else group = { start, end: block.end, path: block.path, kind: block.kind };
  }
  flush();
  // A document with text but no blocks (e.g. nothing but a title line): chunk all of it.
  if (drafts.length === 0) emitSplit(0, text.length, []);

  return toChunks(doc, root, drafts);
}

function toChunks(doc: SourceDocument, root: string, drafts: Draft[]): Chunk[] {
  const { text } = doc;
  return drafts.map((d, n) => ({
    id: `${doc.id}#${n}`,
    docId: doc.id,
    start: d.start,
    end: d.end,
    headingPath: [root, ...d.path],
    ...(d.article ? { article: d.article } : {}),
    text: text.slice(d.start, d.end),
  }));
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A 办事指南 record (`**字段**：值` lines, see text/guide-fields.ts) cut per field group: one chunk
 * per run of consecutive fields of one group (办结时限 = 法定 + 承诺办结时限), a long group split at
 * sentences. The heading path under the title is the 实施主体 (so a question naming the authority
 * or its city matches every field of the guide, not only the identity lines) and the group label.
 * Undefined when the text is not a guide record.
 */
function guideDrafts(text: string, opts: Required<ChunkOptions>): Draft[] | undefined {
  const fields = parseGuideFields(text);
  if (!fields) return undefined;
  const authority = guideFieldValue(text, fields, '实施主体');
  const runs: { group: GuideFieldGroup | string; start: number; end: number }[] = [];
  for (const field of fields) {
    if (field.end <= field.start) continue;
    const group = fieldGroupOf(field.name) ?? field.name;
    const last = runs[runs.length - 1];
    if (last && last.group === group && field.end - last.start <= opts.maxChars) last.end = field.end;
    else runs.push({ group, start: field.start, end: field.end });
  }
  const drafts: Draft[] = [];
  for (const run of runs) {
    const path = authority ? [authority, run.group] : [run.group];
    for (const p of splitSpan(text, run.start, run.end, opts)) drafts.push({ ...p, path });
  }
  return drafts;
}
