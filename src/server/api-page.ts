import { escapeHtml } from '../text/escape-html.js';

type Json = Record<string, unknown>;

/** Stylesheet of the API page, served beside it (the CSP allows no inline style). */
export const API_PAGE_CSS = `body{font:15px/1.55 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:2.2rem;border-top:1px solid #d0d7de;padding-top:1rem}
code,pre{font:13px/1.45 ui-monospace,monospace}pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:6px}
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5cad}table{border-collapse:collapse}
td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}`;

const pretty = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function parameters(list: Json[] | undefined): string {
  if (!list?.length) return '';
  const rows = list
    .map((p) => {
      const schema = (p.schema ?? {}) as Json;
      const type = escapeHtml(String(schema.type ?? (schema.enum ? 'enum' : '')));
      return `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : ''}</td><td>${type}</td></tr>`;
    })
    .join('');
  return `<h3>Parameters</h3><table><tr><th>name</th><th>in</th><th>required</th><th>type</th></tr>${rows}</table>`;
}

function content(body: Json | undefined): string {
  const media = (body?.content ?? {}) as Record<string, Json>;
  return Object.entries(media)
    .map(([type, m]) => `<p><code>${escapeHtml(type)}</code></p>${m.schema ? pretty(m.schema) : ''}`)
    .join('');
}

function operation(path: string, method: string, op: Json): string {
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
    .map(
      ([status, r]) =>
        `<li><code>${escapeHtml(status)}</code> ${escapeHtml(String(r.description ?? ''))}${r.content ? `<details><summary>body</summary>${content(r)}</details>` : ''}</li>`,
    )
    .join('');
  const auth = op.security ? '<p>Requires <code>Authorization: Bearer $ADMIN_TOKEN</code>.</p>' : '';
  const body = op.requestBody ? `<h3>Request body</h3>${content(op.requestBody as Json)}` : '';
  return `<h2 id="${escapeHtml(`${method}-${path}`)}"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(String(op.summary ?? ''))}</p>${auth}${parameters(op.parameters as Json[] | undefined)}${body}<h3>Responses</h3><ul>${responses}</ul>`;
}

/**
 * The OpenAPI document as one readable HTML page, rendered on the server from the same document
 * `/openapi.json` serves: no script, no CDN (the service runs on air-gapped intranets).
 */
export function renderApiPage(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const sections = Object.entries(paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operation(path, method, op)))
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(String(info.title ?? 'API'))}</title><link rel="stylesheet" href="/api-docs.css"></head>
<body><h1>${escapeHtml(String(info.title ?? 'API'))}</h1><p>${escapeHtml(String(info.description ?? ''))}</p>
<p>Errors are <code>application/problem+json</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(String(doc.openapi))}).</p>
${sections}
</body></html>`;
}
