import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DOC_TYPES, MAX_FEEDBACK_COMMENT_CHARS } from '../../src/domain.js';
import { SUPPORTED_EXTENSIONS } from '../../src/ingest/loaders/loader-registry.js';
import { createWebRoutes } from '../../src/web/web-routes.js';

/** Budget for widget.js over the wire; the README states the measured size. */
const WIDGET_GZIP_BUDGET = 12 * 1024;

describe('createWebRoutes', () => {
  const app = createWebRoutes({ title: '青岛政务助手<测试>', suggestions: ['问题"1"', '问题2'] });

  it('serves the demo page embedding the widget with one escaped tag and no inline script or style', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(
      '<script src="/widget.js" data-title="青岛政务助手&lt;测试&gt;" data-position="right" data-suggestions="问题&quot;1&quot;|问题2" defer></script>',
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('builds widget.js in memory, minified, within its size budget, with ETag revalidation', async () => {
    const res = await app.request('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await res.text();
    expect(code).toContain('attachShadow');
    // Minified: comments and local names are gone.
    expect(code).not.toContain('EventSource cannot');
    expect(code).not.toContain('createSseParser');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(WIDGET_GZIP_BUDGET);
    const again = await app.request('/widget.js', {
      headers: { 'If-None-Match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('serves the staff console, its script and CSS, and the document viewer route', async () => {
    for (const path of ['/staff', '/doc/000_204df86a34e42382']) {
      const html = await (await app.request(path)).text();
      expect(html).toContain('<script type="module" src="/staff.js"></script>');
      expect(html).toContain('青岛政务助手&lt;测试&gt;');
      expect(html).not.toMatch(/\sstyle=|<style/);
    }
    expect((await app.request('/staff.js')).headers.get('content-type')).toContain('javascript');
    expect(await (await app.request('/staff.css')).text()).toContain('mark.hit');
    expect((await app.request('/nope')).status).toBe(404);
  });

  it("offers the loaders' file types for upload and the one list of document types", async () => {
    const html = await (await app.request('/staff')).text();
    expect(html).toContain(`accept="${SUPPORTED_EXTENSIONS.join(',')}"`);
    expect(html).toContain('上传文件（txt / md / html / htm / pdf / docx）');
    for (const type of DOC_TYPES) expect(html).toContain(`<option value="${type}">${type}</option>`);
  });

  it("tells the widget the service's question and comment limits and its referral line", async () => {
    const config = createWebRoutes({
      warm: false,
      maxQuestionChars: 321,
      referralLine: '0532-12345678 热线',
    });
    const res = await config.request('/api/widget-config');
    expect(await res.json()).toEqual({
      maxQuestionChars: 321,
      maxCommentChars: MAX_FEEDBACK_COMMENT_CHARS,
      referralLine: '0532-12345678 热线',
      referralPhones: ['0532-12345678'],
    });
  });
});
