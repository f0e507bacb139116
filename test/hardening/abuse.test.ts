import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createWebRoutes } from '../../src/web/web-routes.js';
import { createTestApp, type TestApp } from '../fakes/fake-app.js';
import { type Listening, listen } from './listen.js';

/**
 * Abuse on a real socket: per-client rate limits (clients told apart by their source address on
 * loopback), admin tokens, the CORS allowlist, security headers on every served page, and
 * document text that is markup. The spine is the fake one (no jieba); the web pages are real.
 */

const TOKEN = 'abuse-admin-token-5678';
const ALLOWED = 'https://www.qingdao.gov.cn';
let t: TestApp;
let server: Listening;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3', ADMIN_TOKEN: TOKEN, CORS_ORIGINS: ALLOWED });
  server = await listen(createApp(t.deps, { web: createWebRoutes({ minify: false }) }));
}, 60_000);
afterAll(() => server?.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request from a chosen loopback source address (127.0.0.0/8 is all local on Linux). */
function from(
  localAddress: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: encodeURI(path),
        localAddress,
        headers,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const ask = (addr: string) =>
  from(addr, 'POST', '/api/ask', JSON.stringify({ question: '公租房申请材料' }), {
    'content-type': 'application/json',
  });

describe('per-client rate limits on ask and search', () => {
  it('answers 429 with Retry-After to the client over its limit, and only to that client', async () => {
    const a = '127.0.0.2';
    const b = '127.0.0.3';
    const statuses = [
      (await from(a, 'GET', '/api/search?q=公租房')).status,
      (await ask(a)).status,
      (await from(a, 'GET', '/api/search?q=公租房')).status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    const limited = [await from(a, 'GET', '/api/search?q=公租房'), await ask(a)];
    for (const r of limited) {
      expect(r.status).toBe(429);
      expect(r.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(r.body).code).toBe('RATE_LIMITED');
      const retry = Number(r.headers['retry-after']);
      expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
    }
    // Another client is unaffected, and health checks are never limited.
    expect((await from(b, 'GET', '/api/search?q=公租房')).status).toBe(200);
    expect((await ask(b)).status).toBe(200);
    expect((await from(a, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('rate limits behind a reverse proxy', () => {
  it('ignore X-Forwarded-For unless a proxy is trusted: a client cannot reset its limit by forging it', async () => {
    const c = '127.0.0.4';
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await from(c, 'GET', '/api/search?q=公租房', undefined, { 'x-forwarded-for': `10.9.0.${i}` }))
          .status,
      );
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('with TRUST_PROXY_HOPS=1 key on the address the proxy appended, not on what the client wrote', async () => {
    const behind = await createTestApp({
      RATE_LIMIT_PER_MINUTE: '2',
      TRUST_PROXY_HOPS: '1',
      TRUSTED_PROXIES: '127.0.0.1',
    });
    const proxied = await listen(createApp(behind.deps));
    try {
      const via = (xff: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: proxied.port,
              path: encodeURI('/api/search?q=公租房'),
              agent: false,
              headers: { 'x-forwarded-for': xff },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        });
      // One proxy, one socket address: two citizens told apart by the entry the proxy appended…
      expect([await via('10.0.0.1'), await via('10.0.0.1'), await via('10.0.0.1')]).toEqual([200, 200, 429]);
      expect(await via('10.0.0.2')).toBe(200);
      // …and a forged entry to the left of it changes nothing.
      expect(await via('6.6.6.6, 10.0.0.1')).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

describe('admin routes', () => {
  it('refuse missing, wrong, malformed and query-string tokens with 401; accept the right one', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
      { authorization: `Token ${TOKEN}` },
      { 'x-admin-token': TOKEN },
    ];
    for (const headers of attempts) {
      const del = await from(
        '127.0.0.4',
        'DELETE',
        '/api/admin/documents/gongzufang-guide',
        undefined,
        headers,
      );
      expect(del.status, JSON.stringify(headers)).toBe(401);
      expect(del.headers['www-authenticate']).toContain('Bearer');
      const csv = await from('127.0.0.4', 'GET', '/api/admin/feedback.csv', undefined, headers);
      expect(csv.status).toBe(401);
    }
    const viaQuery = await from('127.0.0.4', 'GET', `/api/admin/feedback.csv?token=${TOKEN}`);
    expect(viaQuery.status).toBe(401);
    const ok = await from('127.0.0.4', 'GET', '/api/admin/feedback.csv', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(ok.status).toBe(200);
    // The document survived every refused attempt.
    expect((await from('127.0.0.4', 'GET', '/api/documents/gongzufang-guide')).status).toBe(200);
  });
});

describe('the widget from other origins', () => {
  it('gets CORS only for allowlisted origins, so a browser on another site cannot call the API', async () => {
    const preflight = (origin: string) =>
      from('127.0.0.5', 'OPTIONS', '/api/ask', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
    const good = await preflight(ALLOWED);
    expect(good.headers['access-control-allow-origin']).toBe(ALLOWED);
    for (const origin of ['https://evil.example', 'https://www.qingdao.gov.cn.evil.example', 'null']) {
      const bad = await preflight(origin);
      expect(bad.headers['access-control-allow-origin'], origin).toBeUndefined();
      const get = await from('127.0.0.5', 'GET', '/api/documents', undefined, { origin });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('served pages', () => {
  it('carry CSP (no inline script, no foreign framing), nosniff and frame options', async () => {
    for (const path of [
      '/',
      '/staff',
      '/doc/x',
      '/widget.js',
      '/staff.js',
      '/api/search?q=公租房',
      '/nope',
    ]) {
      const r = await from('127.0.0.6', 'GET', path);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    const html = (await from('127.0.0.6', 'GET', '/')).body;
    // Every <script> has a src: nothing inline for an injected string to hide in.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc=/);
  });

  it('never reflects a hostile document id into the page', async () => {
    const id = '<img src=x onerror=alert(1)>';
    const r = await from('127.0.0.6', 'GET', `/doc/${id}`);
    expect(r.body).not.toContain('onerror');
  });
});

describe('document text that is markup', () => {
  it('is returned as text by the API and escaped in search snippets', async () => {
    const hostile = '公租房申请须知\n<script>alert("x")</script><img src=x onerror=alert(1)>公租房申请须知。';
    await t.assistant.indexer.upsertText('hostile', hostile);
    const doc = JSON.parse((await from('127.0.0.7', 'GET', '/api/documents/hostile')).body);
    expect(doc.text).toBe(hostile); // JSON; the pages insert it with textContent (browser tests)
    const found = JSON.parse((await from('127.0.0.7', 'GET', '/api/search?q=公租房申请须知')).body);
    const hit = found.results.find((h: { docId: string }) => h.docId === 'hostile');
    expect(hit.snippet).not.toMatch(/<(script|img)/);
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
