import { isBoilerplateLine } from '../../text/boilerplate.js';
import type { WireDocument } from '../shared/api-types.js';
import { clear, copyText, h } from '../shared/dom.js';
import { formatCitation, headingParts, joinHeadingPath, lastHeading } from './citation-format.js';
import { renderMarked } from './text-render.js';

interface OutlineEntry {
  id: string;
  label: string;
  at: number;
  depth: number;
}

/** Outline entries: one per new heading or article, anchored at the chunk that starts it. */
export function outlineOf(doc: WireDocument): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  let previous = '';
  for (const [i, chunk] of doc.chunks.entries()) {
    const path = headingParts(chunk.headingPath);
    const heading = path[path.length - 1] ?? '';
    const label = chunk.article ? `${chunk.article}` : heading;
    const key = `${path.join('/')}|${chunk.article ?? ''}`;
    if (!label || key === previous) continue;
    previous = key;
    out.push({
      id: `sec-${i}`,
      label,
      at: chunk.start,
      depth: chunk.article ? path.length : Math.max(0, path.length - 1),
    });
  }
  return out;
}

/** The lines of page chrome (字体大小/打印, 扫一扫…, 索引号): not indexed, shown dimmed. */
export function chromeLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (isBoilerplateLine(line)) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

/** The outline entry of the section holding `offset`: the last one starting at or before it. */
export function entryHolding(entries: OutlineEntry[], offset: number): OutlineEntry | undefined {
  let found: OutlineEntry | undefined;
  for (const e of entries) if (e.at <= offset && (!found || e.at >= found.at)) found = e;
  return found;
}

/** The chunk that contains an offset (for "copy citation" of the highlighted passage). */
function chunkAt(doc: WireDocument, offset: number) {
  return doc.chunks.find((c) => c.start <= offset && offset < c.end) ?? doc.chunks[0];
}

/** Renders the document viewer: metadata, outline, full text with the passage highlighted. */
export function renderDocument(
  parts: { head: HTMLElement; outline: HTMLElement; text: HTMLElement; status: HTMLElement },
  doc: WireDocument,
  span?: { start: number; end: number },
): void {
  const { meta } = doc;
  clear(parts.head);
  clear(parts.outline);
  clear(parts.text);
  let focusOffset = span?.start ?? 0;
  const copy = h('button', { type: 'button', class: 'btn', id: 'copy-citation' }, '复制引用');
  copy.addEventListener('click', async () => {
    const chunk = chunkAt(doc, focusOffset);
    const citation = formatCitation({
      title: meta.title,
      docNumber: meta.docNumber,
      article: chunk?.article,
      section: chunk ? lastHeading(chunk.headingPath) : undefined,
    });
    const ok = await copyText(citation);
    parts.status.textContent = ok ? `已复制：${citation}` : `复制失败，请手动复制：${citation}`;
  });
  const facts: [string, string | undefined][] = [
    ['发文字号', meta.docNumber],
    ['发文机关', meta.authority],
    ['发布日期', meta.publishDate],
    ['类型', meta.type],
    ['咨询电话', meta.phone],
  ];
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of facts) if (v) dl.append(h('div', {}, h('dt', {}, k), h('dd', {}, v)));
  parts.head.append(h('h2', { id: 'doc-title' }, meta.title), dl, copy);

  const entries = outlineOf(doc);
  const holding = span ? entryHolding(entries, span.start) : undefined;
  const ol = h('ol');
  let current: HTMLElement | undefined;
  for (const e of entries) {
    const a = h('a', { href: `#${e.id}`, class: `depth-${Math.min(e.depth, 3)}` }, e.label);
    if (e === holding) {
      a.setAttribute('aria-current', 'location');
      current = a;
    }
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      focusOffset = e.at;
      for (const other of ol.querySelectorAll('[aria-current]')) other.removeAttribute('aria-current');
      a.setAttribute('aria-current', 'location');
      parts.text.querySelector(`#${e.id}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      const chunk = chunkAt(doc, e.at);
      parts.status.textContent = `当前位置：${joinHeadingPath(chunk?.headingPath)}${chunk?.article ? ` ${chunk.article}` : ''}`;
    });
    ol.append(h('li', {}, a));
  }
  parts.outline.append(ol);
  if (current) {
    const entry = current;
    requestAnimationFrame(() => entry.scrollIntoView({ block: 'nearest' }));
  }

  const marks = span && span.end > span.start ? [span] : [];
  const hit = renderMarked(
    parts.text,
    doc.text,
    marks,
    entries.map((e) => ({ at: e.at, id: e.id })),
    'hit',
    chromeLines(doc.text),
  );
  if (hit) {
    hit.id = 'hit';
    hit.tabIndex = -1;
    // Wait a frame so layout exists, then centre the passage.
    requestAnimationFrame(() => hit.scrollIntoView({ block: 'center' }));
  }
}
