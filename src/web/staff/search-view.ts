import type { WireSearchResult } from '../shared/api-types.js';
import { clear, h } from '../shared/dom.js';
import { joinHeadingPath } from './citation-format.js';
import { findTerms } from './mark-text.js';
import { renderMarked } from './text-render.js';

/** “同文亦见于” — the other documents holding the same text, each opening at its copy. */
function copiesLine(
  r: WireSearchResult,
  open: (docId: string, start: number, end: number) => void,
): HTMLElement | null {
  if (!r.copies?.length) return null;
  const line = h('div', { class: 'copies' }, '同文亦见于：');
  for (const copy of r.copies) {
    const link = h('button', { type: 'button', class: 'link' }, copy.title);
    link.addEventListener('click', () => open(copy.docId, copy.start, copy.end));
    line.append(link);
  }
  return line;
}

const FLAG_LABELS: Record<string, string> = { instruction: '疑似指令', 'foreign-link': '非政府链接' };

/** A small badge for a passage the answerers never relay (text only: labels are fixed, never document text). */
function flagBadge(r: WireSearchResult): HTMLElement | null {
  if (!r.flags?.length) return null;
  const label = r.flags.map((f) => FLAG_LABELS[f] ?? '已标记').join('、');
  return h('span', { class: 'flag', title: '此段不会作为回答引用' }, `⚠ ${label}`);
}

/** Renders search results; `open` is called with the document and the passage span. */
export function renderResults(
  list: HTMLElement,
  results: WireSearchResult[],
  open: (docId: string, start: number, end: number) => void,
): void {
  clear(list);
  results.forEach((r, i) => {
    const marks = r.highlights?.length ? r.highlights : findTerms(r.text, r.why?.matchedTerms ?? []);
    const passage = h('p', { class: 'passage' });
    renderMarked(passage, r.text, marks, [], 'term');
    const title = h('button', { type: 'button', class: 'link title' }, r.title);
    title.addEventListener('click', () => open(r.docId, r.start, r.end));
    const why: string[] = [];
    if (r.why?.bm25Rank) why.push(`关键词第${r.why.bm25Rank}名`);
    if (r.why?.vectorRank) why.push(`语义第${r.why.vectorRank}名`);
    if (r.why?.articleMatch) why.push('条款直达');
    if (r.why?.matchedTerms?.length) why.push(`命中：${r.why.matchedTerms.join('、')}`);
    const weak = r.relevant === false;
    list.append(
      h(
        'li',
        { class: weak ? 'result weak' : 'result' },
        h(
          'div',
          { class: 'result-head' },
          h('span', { class: 'rank' }, String(i + 1)),
          title,
          weak ? h('span', { class: 'weak-tag' }, '较弱的匹配') : null,
          flagBadge(r),
        ),
        h(
          'div',
          { class: 'meta' },
          r.docNumber ? h('span', {}, r.docNumber) : null,
          r.date ? h('span', {}, r.date) : null,
          r.authority ? h('span', {}, r.authority) : null,
          r.type ? h('span', { class: 'tag' }, r.type) : null,
        ),
        h('div', { class: 'path' }, joinHeadingPath(r.headingPath)),
        passage,
        copiesLine(r, open),
        h('div', { class: 'why' }, `${why.join(' · ')}${why.length ? ' · ' : ''}得分 ${r.score.toFixed(3)}`),
      ),
    );
  });
}
