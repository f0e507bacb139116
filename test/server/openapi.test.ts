import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { buildOpenApi } from '../../src/server/openapi.js';
import { createWebRoutes } from '../../src/web/web-routes.js';
import { createTestApp } from '../fakes/fake-app.js';

const API = /^\/api\/|^\/(?:healthz|readyz|metrics|openapi\.json|api-docs)$/;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The app as the service runs it: API routes plus the web pages (which add /api/widget-config). */
async function serviceApp() {
  const { deps } = await createTestApp();
  return createApp(deps, { web: createWebRoutes({ warm: false, minify: false }) });
}

describe('/openapi.json is produced from the registered routes', () => {
  it('describes exactly the API routes the app registered, with their methods', async () => {
    const app = await serviceApp();
    const registered = app.routes
      .filter((r) => METHODS.includes(r.method) && API.test(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const doc = await (await app.request('/openapi.json')).json();
    const described = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(new Set(described)).toEqual(new Set(registered));
    expect(described).toContain('get /api/widget-config');
    expect(described).toContain('delete /api/admin/documents/{id}');
  });

  it('refuses to build when a route has no description, so the document cannot fall behind', async () => {
    const app = await serviceApp();
    expect(() => buildOpenApi([...app.routes, { method: 'POST', path: '/api/new-thing' }])).toThrow(
      'POST /api/new-thing has no OpenAPI description in openapi.ts',
    );
  });

  it('serves the same document as a readable page with its own stylesheet: no script, no CDN', async () => {
    const app = await serviceApp();
    const res = await app.request('/api-docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<code>/api/documents/{id}</code>');
    expect(html).toContain('<span class="method">POST</span> <code>/api/ask</code>');
    expect(html).toContain('Authorization: Bearer $ADMIN_TOKEN');
    expect(html).not.toMatch(/<script|(?:href|src)="(?:https?:)?\/\//);
    const css = await app.request('/api-docs.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
