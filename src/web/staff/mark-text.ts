/**
 * Splits a text into pieces at highlight ranges and anchor offsets. The console builds text
 * nodes and <mark> elements from the pieces, so matched terms are marked without ever parsing
 * document text as HTML (the DOM equivalent of "escape first, then mark").
 */

export interface TextPiece {
  text: string;
  /** Offset of the piece in the whole text. */
  start: number;
  marked: boolean;
  /** Inside a `dim` range (page chrome shown faintly by the viewer). */
  dimmed: boolean;
  /** Anchors (e.g. outline entries) that begin at this piece's start. */
  anchors: string[];
}

export interface Range {
  start: number;
  end: number;
}

/** Clamps, sorts and merges overlapping ranges. */
export function normaliseRanges(ranges: Range[], length: number): Range[] {
  const clean = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(r.start, length)),
      end: Math.max(0, Math.min(r.end, length)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of clean) {
    const prev = out[out.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function pieces(
  text: string,
  marks: Range[],
  anchors: { at: number; id: string }[] = [],
  dim: Range[] = [],
): TextPiece[] {
  const ranges = normaliseRanges(marks, text.length);
  const dims = normaliseRanges(dim, text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...ranges, ...dims]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const anchorsAt = new Map<number, string[]>();
  for (const a of anchors) {
    const at = Math.max(0, Math.min(a.at, text.length));
    cuts.add(at);
    anchorsAt.set(at, [...(anchorsAt.get(at) ?? []), a.id]);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: TextPiece[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1] ?? text.length;
    if (end === start && !anchorsAt.has(start)) continue;
    const inside = (r: Range) => r.start <= start && end <= r.end && end > start;
    out.push({
      text: text.slice(start, end),
      start,
      marked: ranges.some(inside),
      dimmed: dims.some(inside),
      anchors: anchorsAt.get(start) ?? [],
    });
  }
  return out;
}

/** Finds every occurrence of the terms (case-insensitive) in `text`, for results without offsets. */
export function findTerms(text: string, terms: string[]): Range[] {
  const lower = text.toLowerCase();
  const out: Range[] = [];
  for (const term of terms) {
    const t = term.trim().toLowerCase();
    if (!t) continue;
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) {
      out.push({ start: i, end: i + t.length });
    }
  }
  return out;
}
