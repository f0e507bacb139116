import { DOC_TYPES } from '../../domain.js';
import { SUPPORTED_EXTENSIONS } from '../../ingest/loaders/loader-registry.js';
import { escapeHtml } from '../../text/escape-html.js';

/** The upload field's file types, from the loaders themselves: "txt / md / html / htm / pdf / docx". */
const UPLOAD_TYPES = SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)).join(' / ');

/**
 * The staff console page (also served at /doc/:id, where staff.js opens the viewer). No inline
 * script or style: it runs under `script-src 'self'; style-src 'self'`.
 */
export function staffPage(title: string, maxUploadBytes?: number): string {
  const t = escapeHtml(title);
  const typeOptions = DOC_TYPES.map((x) => `<option value="${x}">${x}</option>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>工作人员检索台 · ${t}</title>
<link rel="stylesheet" href="/staff.css">
<script type="module" src="/staff.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="top">
  <div class="brand">${t}<span>工作人员检索台</span></div>
  <nav aria-label="功能">
    <a href="/staff" data-tab="search" aria-current="page">政策检索</a>
    <a href="/staff#library" data-tab="library">文件库</a>
  </nav>
</header>
<main id="main">
<section id="search-view" aria-labelledby="search-h">
  <h1 id="search-h" class="sr">政策检索</h1>
  <form id="search-form" role="search">
    <div class="searchbar">
      <label class="sr" for="q">检索词</label>
      <input id="q" name="q" type="search" placeholder="输入问题或关键词，如：5G基站、无证明机关" autocomplete="off">
      <button class="btn primary" type="submit">检索</button>
    </div>
    <div class="filters">
      <label>发文机关<input name="authority" id="f-authority" list="authority-list" placeholder="全部"></label>
      <datalist id="authority-list"></datalist>
      <label>年份<select name="year" id="f-year"><option value="">全部年份</option></select></label>
      <label>类型<select name="type" id="f-type"><option value="">全部类型</option>${typeOptions}</select></label>
      <label>发文字号<input name="docNumber" id="f-docnumber" placeholder="如：青政办字【2025】21号"></label>
    </div>
  </form>
  <p id="search-status" role="status" class="status"></p>
  <button id="show-weak" type="button" class="btn" aria-pressed="false" hidden>显示较弱的匹配</button>
  <ol id="results" class="results"></ol>
</section>
<section id="doc-view" hidden aria-labelledby="doc-title">
  <div class="doc-bar"><button id="doc-back" class="btn" type="button">← 返回</button><p id="doc-status" role="status" class="status"></p></div>
  <div id="doc-head" class="doc-head"></div>
  <div class="doc-body">
    <nav id="outline" class="outline" aria-label="文件目录"></nav>
    <article id="doc-text" class="doc-text" tabindex="0" aria-label="文件全文"></article>
  </div>
</section>
<section id="library-view" hidden aria-labelledby="library-h">
  <h1 id="library-h">文件库</h1>
  <form id="token-form" class="token">
    <label>管理令牌<input id="admin-token" type="password" autocomplete="off" placeholder="输入后可上传、删除文件"></label>
    <button class="btn" type="submit">保存</button>
  </form>
  <p id="library-status" role="status" class="status"></p>
  <div id="admin-tools" class="admin" hidden>
    <form id="upload-form"${maxUploadBytes ? ` data-max-bytes="${Math.floor(maxUploadBytes)}"` : ''}><label>上传文件（${UPLOAD_TYPES}）<input type="file" name="file" accept="${SUPPORTED_EXTENSIONS.join(',')}"></label><button class="btn primary" type="submit">上传并索引</button></form>
    <form id="text-form" class="text-form">
      <label>编号<input name="id" required placeholder="如 notice_2025_01"></label>
      <label>标题<input name="title" required></label>
      <label class="wide">正文<textarea name="text" rows="5" required></textarea></label>
      <button class="btn primary" type="submit">添加文本</button>
    </form>
  </div>
  <div class="table-wrap"><table id="doc-table" class="docs"></table></div>
</section>
</main>
</body>
</html>`;
}
