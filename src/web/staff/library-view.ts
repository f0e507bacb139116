import { bookTitle } from '../../text/citation-text.js';
import type { WireDocumentMeta } from '../shared/api-types.js';
import { clear, h } from '../shared/dom.js';
import {
  ApiError,
  adminToken,
  deleteDocument,
  listDocuments,
  setAdminToken,
  uploadFile,
  uploadText,
} from './staff-api.js';

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The document list with metadata, plus upload and delete when an admin token is entered. */
export function setupLibrary(el: {
  table: HTMLElement;
  status: HTMLElement;
  tokenForm: HTMLFormElement;
  tokenInput: HTMLInputElement;
  uploadForm: HTMLFormElement;
  textForm: HTMLFormElement;
  admin: HTMLElement;
  open: (docId: string) => void;
  onChange: (docs: WireDocumentMeta[]) => void;
}): { refresh(): Promise<void> } {
  const say = (msg: string) => {
    el.status.textContent = msg;
  };
  const report = (err: unknown) =>
    say(err instanceof ApiError ? `操作失败：${err.message}` : '操作失败：网络错误');

  const refresh = async () => {
    let docs: WireDocumentMeta[];
    try {
      docs = await listDocuments();
    } catch (err) {
      report(err);
      return;
    }
    el.onChange(docs);
    const hasToken = Boolean(adminToken());
    el.admin.hidden = !hasToken;
    clear(el.table);
    const head = h(
      'tr',
      {},
      ...['标题', '发文字号', '发文机关', '发布日期', '类型', ''].map((t) => h('th', { scope: 'col' }, t)),
    );
    const body = h('tbody');
    for (const d of docs) {
      const view = h('button', { type: 'button', class: 'link' }, d.title);
      view.addEventListener('click', () => el.open(d.id));
      const actions = h('td', {});
      if (hasToken) {
        const del = h(
          'button',
          { type: 'button', class: 'btn danger', 'aria-label': `删除 ${d.title}` },
          '删除',
        );
        del.addEventListener('click', async () => {
          if (!confirm(`确定删除${bookTitle(d.title)}？`)) return;
          try {
            await deleteDocument(d.id);
            say(`已删除：${d.title}`);
            await refresh();
          } catch (err) {
            report(err);
          }
        });
        actions.append(del);
      }
      body.append(
        h(
          'tr',
          { 'data-doc-id': d.id },
          h('td', {}, view),
          h('td', {}, d.docNumber ?? ''),
          h('td', {}, d.authority ?? ''),
          h('td', {}, d.publishDate ?? ''),
          h('td', {}, d.type ?? ''),
          actions,
        ),
      );
    }
    el.table.append(h('caption', {}, `共 ${docs.length} 份文件`), h('thead', {}, head), body);
  };

  el.tokenInput.value = adminToken();
  el.tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    setAdminToken(el.tokenInput.value.trim());
    say(el.tokenInput.value.trim() ? '管理令牌已保存在本标签页（关闭即清除）。' : '已清除管理令牌。');
    void refresh();
  });
  /** Sends one document (file or text), then clears its form and reloads the list. */
  const addDocument = async (
    form: HTMLFormElement,
    busy: string,
    send: () => Promise<WireDocumentMeta>,
    done: string,
    fallbackTitle: string,
  ) => {
    say(busy);
    try {
      const meta = await send();
      say(`${done}：${meta.title ?? fallbackTitle}`);
      form.reset();
      await refresh();
    } catch (err) {
      report(err);
    }
  };
  el.uploadForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = el.uploadForm.querySelector<HTMLInputElement>('input[type=file]')?.files?.[0];
    if (!file) return say('请选择文件。');
    const maxBytes = Number(el.uploadForm.dataset.maxBytes ?? 0);
    if (maxBytes > 0 && file.size > maxBytes) {
      // Refused here rather than after minutes of uploading: the service would answer 413 anyway.
      return say(`文件过大（${fileSize(file.size)}），上传上限为 ${fileSize(maxBytes)}。`);
    }
    await addDocument(el.uploadForm, '正在上传并建立索引…', () => uploadFile(file), '已上传', file.name);
  });
  el.textForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(el.textForm);
    const doc = {
      id: String(data.get('id') ?? ''),
      title: String(data.get('title') ?? ''),
      text: String(data.get('text') ?? ''),
    };
    await addDocument(el.textForm, '正在建立索引…', () => uploadText(doc), '已添加', doc.title);
  });
  return { refresh };
}
