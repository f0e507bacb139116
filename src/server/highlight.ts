import type { Span } from '../domain.js';
import { escapeHtml } from '../text/escape-html.js';

/**
 * Offsets of every occurrence of the matched terms in `text`, merged so spans never overlap.
 * Offsets are into `text` (the passage), so a client adds the passage's own `start` for document offsets.
 */
export function highlightSpans(text: string, terms: string[]): Span[] {
  const spans: Span[] = [];
  const lower = text.toLowerCase();
  for (const term of new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.trim().length > 0))) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
      spans.push({ start: at, end: at + term.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** `text` HTML-escaped with the spans wrapped in <mark>; the only markup in the result is ours. */
export function markSnippet(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${escapeHtml(text.slice(at, s.start))}<mark>${escapeHtml(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return out + escapeHtml(text.slice(at));
}
