import { describe, expect, it } from 'vitest';
import { createTestApp } from '../fakes/fake-app.js';
import { promSample } from '../fakes/prometheus-text.js';

describe('errors', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/nothing-here', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "code": "NOT_FOUND",
        "detail": "没有这个地址: GET /api/nothing-here",
        "requestId": "abc-123",
        "status": 404,
        "title": "未找到 (Not found)",
        "type": "https://zhengwu-assistant.local/problems/not-found",
      }
    `);
  });

  it('turns an unknown failure into a generic 500 that echoes nothing, and logs the cause', async () => {
    const { app, assistant, logs } = await createTestApp();
    assistant.retriever.retrieve = async () => {
      throw new Error('ENOENT: /srv/secret/index.bin (user 13812345678)');
    };
    const res = await app.request('/api/search?q=公租房');
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchInlineSnapshot(
      { requestId: expect.any(String) },
      `
      {
        "code": "INTERNAL",
        "detail": "服务内部错误，请稍后再试。(An internal error occurred.)",
        "requestId": Any<String>,
        "status": 500,
        "title": "服务内部错误 (Internal error)",
        "type": "https://zhengwu-assistant.local/problems/internal",
      }
    `,
    );
    const logged = logs.find((l) => l.includes('request failed'));
    expect(logged).toContain('/srv/secret/index.bin');
    expect(logged).toContain('138****5678');
    expect(logged).not.toContain('13812345678');
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const { app } = await createTestApp();
    expect(
      (await app.request('/healthz', { headers: { 'x-request-id': 'req-42' } })).headers.get('x-request-id'),
    ).toBe('req-42');
    const replaced = (
      await app.request('/healthz', { headers: { 'x-request-id': 'x'.repeat(100) } })
    ).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health, readiness, metrics, openapi', () => {
  it('healthz is always ok; readyz is 503 until the index is loaded', async () => {
    const loading = await createTestApp({}, { ready: false });
    expect((await loading.app.request('/healthz')).status).toBe(200);
    const notReady = await loading.app.request('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'loading' });
    loading.deps.state.setReady({ assistant: loading.assistant, answerer: loading.assistant.extractive });
    const ready = await loading.app.request('/readyz');
    expect(await ready.json()).toEqual({ status: 'ready', documents: 2, chunks: 5 });
  });

  it('exposes Prometheus metrics by route pattern, with latency histograms and refusals', async () => {
    const { app } = await createTestApp();
    await app.request('/api/documents/gongzufang-guide');
    await app.request('/api/documents/nope');
    await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '火星签证怎么办理' }),
    });
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    const byRoute = { method: 'GET', route: '/api/documents/:id' };
    expect(promSample(text, 'http_requests_total', { ...byRoute, status: '200' })).toBe(1);
    expect(promSample(text, 'http_requests_total', { ...byRoute, status: '404' })).toBe(1);
    expect(promSample(text, 'http_request_duration_seconds_bucket', { route: '/api/ask', le: '+Inf' })).toBe(
      1,
    );
    expect(promSample(text, 'retrieval_duration_seconds_count')).toBe(1);
    expect(promSample(text, 'answers_refused_total', { provider: 'extractive' })).toBe(1);
    // Process and runtime metrics (prom-client's defaults), which the service's own registry lacked.
    expect(promSample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(promSample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(promSample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const { app } = await createTestApp();
    const doc = await (await app.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/ask',
        '/api/search',
        '/api/documents/{id}',
        '/api/admin/documents',
        '/api/feedback',
      ]),
    );
    const ask = doc.paths['/api/ask'].post.requestBody.content['application/json'].schema;
    expect(ask.required).toEqual(['question']);
    expect(ask.properties.question.maxLength).toBe(10000);
    const params = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(['q', 'k', 'authority', 'year', 'type', 'docNumber']);
  });
});

describe('security headers and CORS', () => {
  it('sets CSP, nosniff, frame and referrer headers on every response, errors included', async () => {
    const { app } = await createTestApp();
    for (const path of ['/healthz', '/api/nope']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('allows only configured origins on /api/*', async () => {
    const { app } = await createTestApp({ CORS_ORIGINS: 'https://www.qingdao.gov.cn' });
    const allowed = await app.request('/api/search?q=公租房', {
      headers: { origin: 'https://www.qingdao.gov.cn' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.qingdao.gov.cn');
    const other = await app.request('/api/search?q=公租房', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { origin: 'https://www.qingdao.gov.cn', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
