import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { createApp } from '../../src/server/app.js';
import { createTestApp } from '../fakes/fake-app.js';
import { type Listening, listen } from './listen.js';

/**
 * Issue 14 item 9: with TRUST_PROXY_HOPS set, X-Forwarded-For was believed from any peer, so a
 * client reaching the service directly rotated it and escaped its rate limit. Now the header is read
 * only when the socket peer is in TRUSTED_PROXIES. Real sockets: the peer is a loopback source
 * address (127.0.0.0/8 is all local on Linux).
 */

let direct: Listening;
let proxied: Listening;

beforeAll(async () => {
  // The proxy lives on 10.0.0.0/8: a loopback client is a client reaching the service directly.
  const a = await createTestApp({
    RATE_LIMIT_PER_MINUTE: '2',
    TRUST_PROXY_HOPS: '1',
    TRUSTED_PROXIES: '10.0.0.0/8',
  });
  direct = await listen(createApp(a.deps));
  // The proxy is 127.0.0.1 itself.
  const b = await createTestApp({
    RATE_LIMIT_PER_MINUTE: '2',
    TRUST_PROXY_HOPS: '1',
    TRUSTED_PROXIES: '127.0.0.1/32, ::1',
  });
  proxied = await listen(createApp(b.deps));
}, 60_000);
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

function search(server: Listening, localAddress: string, xff: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: encodeURI('/api/search?q=公租房'),
        localAddress,
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
}

describe('X-Forwarded-For only from trusted proxies', () => {
  it('a client reaching the service directly cannot escape its limit by rotating the header', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push(await search(direct, '127.0.0.7', `203.0.113.${i}`));
    expect(codes).toEqual([200, 200, 429, 429, 429]);
  });

  it('behind a trusted proxy, citizens are told apart by the entry it appended', async () => {
    expect([
      await search(proxied, '127.0.0.1', '203.0.113.1'),
      await search(proxied, '127.0.0.1', '203.0.113.1'),
      await search(proxied, '127.0.0.1', '203.0.113.1'),
    ]).toEqual([200, 200, 429]);
    expect(await search(proxied, '127.0.0.1', '203.0.113.2')).toBe(200);
    // The same header from an untrusted peer (127.0.0.8) counts against that peer only.
    expect([
      await search(proxied, '127.0.0.8', '203.0.113.3'),
      await search(proxied, '127.0.0.8', '203.0.113.4'),
      await search(proxied, '127.0.0.8', '203.0.113.5'),
    ]).toEqual([200, 200, 429]);
  });

  it('refuses TRUST_PROXY_HOPS without TRUSTED_PROXIES, and entries that are not addresses or CIDR blocks', () => {
    const issuesOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        if (isAppError(err)) return err.issues?.map((i) => i.path);
        throw err;
      }
      return [];
    };
    expect(issuesOf({ TRUST_PROXY_HOPS: '1' })).toEqual(['TRUSTED_PROXIES']);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '::1/129', '10.0.0.0/x'])
      expect(issuesOf({ TRUST_PROXY_HOPS: '1', TRUSTED_PROXIES: bad }), bad).toEqual(['TRUSTED_PROXIES']);
    expect(
      loadConfig({ TRUST_PROXY_HOPS: '2', TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8,127.0.0.1' }).trustedProxies,
    ).toEqual(['10.0.0.0/8', 'fd00::/8', '127.0.0.1']);
  });
});
