import type { WireDocumentMeta } from '../shared/api-types.js';
import { h } from '../shared/dom.js';
import { renderDocument } from './doc-viewer.js';
import { setupLibrary } from './library-view.js';
import { renderResults } from './search-view.js';
import { ApiError, getDocument, search } from './staff-api.js';

/** Entry of staff.js: the search console, the document viewer (/doc/:id) and the library. */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const views = { search: $('search-view'), doc: $('doc-view'), library: $('library-view') };
type View = keyof typeof views;

function show(view: View): void {
  for (const [name, el] of Object.entries(views)) el.hidden = name !== view;
  for (const tab of document.querySelectorAll<HTMLAnchorElement>('[data-tab]')) {
    if (tab.dataset.tab === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

async function openDocument(id: string, span?: { start: number; end: number }, push = true): Promise<void> {
  const status = $('doc-status');
  show('doc');
  status.textContent = '正在载入…';
  if (push) {
    const qs = span ? `?start=${span.start}&end=${span.end}` : '';
    history.pushState({ doc: id, span }, '', `/doc/${encodeURIComponent(id)}${qs}`);
  }
  try {
    const doc = await getDocument(id);
    status.textContent = '';
    document.title = `${doc.meta.title} · 工作人员检索台`;
    renderDocument({ head: $('doc-head'), outline: $('outline'), text: $('doc-text'), status }, doc, span);
  } catch (err) {
    status.textContent = err instanceof ApiError ? `无法打开文件：${err.message}` : '无法打开文件：网络错误';
  }
}

function fillFilters(docs: WireDocumentMeta[]): void {
  const authorities = [
    ...new Set(docs.map((d) => d.authority).filter((a): a is string => Boolean(a))),
  ].sort();
  const list = $('authority-list');
  list.replaceChildren(...authorities.map((a) => h('option', { value: a })));
  const years = [
    ...new Set(docs.map((d) => d.publishDate?.slice(0, 4)).filter((y): y is string => Boolean(y))),
  ]
    .sort()
    .reverse();
  const year = $<HTMLSelectElement>('f-year');
  const chosen = year.value;
  year.replaceChildren(
    h('option', { value: '' }, '全部年份'),
    ...years.map((y) => h('option', { value: y }, y)),
  );
  year.value = chosen;
}

const form = $<HTMLFormElement>('search-form');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const get = (k: string) => String(data.get(k) ?? '').trim();
  const q = get('q');
  const status = $('search-status');
  if (!q) {
    status.textContent = '请输入检索词。';
    return;
  }
  status.textContent = '检索中…';
  try {
    const results = await search({
      q,
      authority: get('authority'),
      year: get('year'),
      type: get('type'),
      docNumber: get('docNumber'),
      k: 20,
    });
    // Only passages above the relevance signal count; weaker matches wait behind the toggle.
    const strong = results.filter((r) => r.relevant !== false);
    const weak = results.filter((r) => r.relevant === false);
    status.textContent = strong.length
      ? `找到 ${strong.length} 段相关内容`
      : '没有找到相关内容，请换个说法或放宽筛选条件。';
    const toggle = $<HTMLButtonElement>('show-weak');
    toggle.hidden = weak.length === 0;
    toggle.setAttribute('aria-pressed', 'false');
    toggle.textContent = `显示较弱的匹配（${weak.length} 段）`;
    const show = (withWeak: boolean) =>
      renderResults(
        $('results'),
        withWeak ? [...strong, ...weak] : strong,
        (docId, start, end) => void openDocument(docId, { start, end }),
      );
    toggle.onclick = () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? '隐藏较弱的匹配' : `显示较弱的匹配（${weak.length} 段）`;
      show(on);
    };
    show(false);
  } catch (err) {
    status.textContent = err instanceof ApiError ? `检索失败：${err.message}` : '检索失败：网络错误';
  }
});

const library = setupLibrary({
  table: $('doc-table'),
  status: $('library-status'),
  tokenForm: $<HTMLFormElement>('token-form'),
  tokenInput: $<HTMLInputElement>('admin-token'),
  uploadForm: $<HTMLFormElement>('upload-form'),
  textForm: $<HTMLFormElement>('text-form'),
  admin: $('admin-tools'),
  open: (id) => void openDocument(id),
  onChange: fillFilters,
});

for (const tab of document.querySelectorAll<HTMLAnchorElement>('[data-tab]')) {
  tab.addEventListener('click', (e) => {
    e.preventDefault();
    const view = tab.dataset.tab as View;
    history.pushState({ view }, '', view === 'library' ? '/staff#library' : '/staff');
    show(view);
  });
}
$('doc-back').addEventListener('click', () => {
  if (history.state?.doc) history.back();
  else {
    history.pushState({ view: 'search' }, '', '/staff');
    show('search');
  }
});

function route(push: boolean): void {
  const match = /^\/doc\/([^/]+)$/.exec(location.pathname);
  if (match) {
    const params = new URLSearchParams(location.search);
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const span =
      params.has('start') && Number.isFinite(start) && Number.isFinite(end) ? { start, end } : undefined;
    void openDocument(decodeURIComponent(match[1]), span, push);
  } else {
    show(location.hash === '#library' ? 'library' : 'search');
    // /staff?q=… (the widget's "search the documents" link after a refusal) runs that search.
    const q = new URLSearchParams(location.search).get('q')?.trim();
    const box = form.elements.namedItem('q');
    if (q && box instanceof HTMLInputElement && box.value !== q) {
      box.value = q;
      form.requestSubmit();
    }
  }
}

window.addEventListener('popstate', () => route(false));
route(false);
void library.refresh();
