import type { WireCitation } from '../shared/api-types.js';
import { h } from '../shared/dom.js';

/** The link that opens the cited document with the passage highlighted. */
export function documentLink(apiBase: string, c: Pick<WireCitation, 'docId' | 'start' | 'end'>): string {
  return `${apiBase}/doc/${encodeURIComponent(c.docId)}?start=${c.start}&end=${c.end}`;
}

/** A source card: title, 发文字号, date, heading path, the quoted passage and a link to it. */
export function sourceCard(apiBase: string, c: WireCitation, id: string): HTMLElement {
  const rows: [string, string | undefined][] = [
    ['发文字号', c.docNumber],
    ['日期', c.date],
    ['位置', c.headingPath],
  ];
  const dl = h('dl');
  for (const [label, value] of rows) {
    if (!value) continue;
    dl.append(h('dt', {}, label), h('dd', {}, value));
  }
  const badge =
    c.verified === false
      ? h('span', { class: 'badge warn' }, '未通过核验')
      : h('span', { class: 'badge ok' }, '已核验');
  return h(
    'section',
    { class: 'card', id, role: 'region', 'aria-label': `来源 ${c.n}：${c.title}` },
    h('h3', {}, `[${c.n}] ${c.title}`, badge),
    dl,
    h('blockquote', {}, c.quote),
    h(
      'a',
      { href: documentLink(apiBase, c), target: '_blank', rel: 'noopener noreferrer' },
      '查看原文（高亮此段）↗',
    ),
  );
}
