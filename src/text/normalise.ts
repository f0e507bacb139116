/**
 * Text normalisation shared by indexing and querying. Two flavours:
 *
 * - `toHalfWidth` is length-preserving (one UTF-16 unit in, one out), so offsets computed on its
 *   output are offsets into the raw text.
 * - `normaliseForIndex` also lower-cases Latin and collapses whitespace, which changes length;
 *   `normaliseWithMap` gives the same text plus a map back to raw offsets.
 */

/** Full-width ASCII block (！ … ～) maps onto U+0021 … U+007E by subtracting this. */
const FULL_WIDTH_OFFSET = 0xfee0;

function halfWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - FULL_WIDTH_OFFSET;
  if (code === 0x3000) return 0x20;
  return code;
}

/** Full-width ASCII letters, digits and punctuation (U+FF01–FF5E) and the ideographic space become ASCII. */
export function toHalfWidth(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = halfWidthCode(code);
    if (mapped !== code) {
      out += text.slice(from, i) + String.fromCharCode(mapped);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Whitespace as PDFs and web pages produce it, including NBSP, BOM and the zero-width characters
 * (U+200B–U+200D) that government sites leave between characters.
 */
export function isWhitespaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680
  );
}

/**
 * "Narrow" characters are those a space may legitimately separate (Latin words, numbers, ASCII
 * punctuation). Everything from U+2000 up — general punctuation such as “ ” — …, CJK punctuation,
 * kana, Han ideographs, full-width forms, astral CJK — is "wide": spaces next to it are layout
 * artefacts (PDF text runs "力争 5G 基站数达 4.5 万个") and are removed.
 */
function isNarrow(code: number): boolean {
  return code < 0x2000;
}

function lowerCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code < 0xc0 || code >= 0x2000) return code;
  // Latin-1, Latin Extended, Greek, Cyrillic: only when lower-casing keeps one code unit.
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Normalised text plus, for each of its UTF-16 units, the offset of the raw unit it came from. */
export interface NormalisedText {
  text: string;
  /** `map[i]` is the raw offset of `text[i]`; `map[text.length]` is `raw.length` (exclusive end). */
  map: Uint32Array;
}

function normalise(raw: string, wantMap: boolean): { text: string; map?: Uint32Array } {
  const codes: number[] = [];
  const map = wantMap ? new Uint32Array(raw.length + 1) : undefined;
  // Last emitted code, and whether whitespace was seen since it.
  let prev = -1;
  let pendingSpace = false;
  let pendingSpaceAt = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = halfWidthCode(raw.charCodeAt(i));
    if (isWhitespaceCode(code)) {
      if (!pendingSpace) pendingSpaceAt = i;
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      // One space survives only between two narrow characters (e.g. two Latin words).
      if (prev !== -1 && isNarrow(prev) && isNarrow(code)) {
        if (map) map[codes.length] = pendingSpaceAt;
        codes.push(0x20);
      }
      pendingSpace = false;
    }
    const lower = lowerCode(code);
    if (map) map[codes.length] = i;
    codes.push(lower);
    prev = lower;
  }
  let text = '';
  // String.fromCharCode with a spread is limited by the argument count; go in slices.
  const SLICE = 8192;
  for (let i = 0; i < codes.length; i += SLICE) {
    text += String.fromCharCode(...codes.slice(i, i + SLICE));
  }
  if (!map) return { text };
  map[codes.length] = raw.length;
  return { text, map: map.slice(0, codes.length + 1) };
}

/**
 * Text as both the index and queries see it: half-width, Latin lower-cased, whitespace removed
 * next to CJK characters and collapsed to one space between Latin words, trimmed.
 * `normaliseForIndex('力争 5G 基站数达 4.5 万个')` → `'力争5g基站数达4.5万个'`.
 */
export function normaliseForIndex(text: string): string {
  return isNormalised(text) ? text : normalise(text, false).text;
}

/**
 * True when `normalise` would return `text` unchanged: no whitespace, nothing full-width, nothing
 * to lower-case. Most terms and questions are (parsing the lexicon files spent ~30 ms building
 * copies of them, measured 2026-11-30), so the copy is skipped.
 */
function isNormalised(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (halfWidthCode(code) !== code || isWhitespaceCode(code) || lowerCode(code) !== code) return false;
  }
  return true;
}

/** As `normaliseForIndex`, with a map from normalised offsets back to raw offsets. */
export function normaliseWithMap(text: string): NormalisedText {
  const { text: out, map } = normalise(text, true);
  return { text: out, map: map ?? new Uint32Array([0]) };
}

/** Raw span `[start, end)` of the normalised span `[normStart, normEnd)`. */
export function toRawSpan(
  n: NormalisedText,
  normStart: number,
  normEnd: number,
): { start: number; end: number } {
  const start = n.map[Math.max(0, Math.min(normStart, n.text.length))];
  if (normEnd <= normStart) return { start, end: start };
  const last = n.map[Math.min(normEnd, n.text.length) - 1];
  return { start, end: last + 1 };
}
