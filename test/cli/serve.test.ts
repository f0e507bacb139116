import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../src/app/start-service.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';
import { loadedDictionary } from '../../src/text/jieba-loader.js';
import { parseSse } from '../fakes/fake-app.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { promSample } from '../fakes/prometheus-text.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'smoke-admin-token-1234';

/**
 * The whole service on a real socket: the real spine (jieba, local index built from seeds/ on
 * first start) and the openai chat provider pointed at the loopback fake.
 */
let service: RunningService;
let fake: FakeOpenAIServer;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAIServer({ streamChunks: 6 });
  const tmp = mkdtempSync(join(tmpdir(), 'serve-smoke-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    INDEX_DIR: join(tmp, 'index'),
    DATA_DIR: join(tmp, 'data'),
    UPLOAD_DIR: join(tmp, 'uploads'),
    CORPUS_DIRS: join(ROOT, 'seeds'),
    ADMIN_TOKEN: TOKEN,
    CHAT_PROVIDER: 'openai',
    CHAT_BASE_URL: fake.url,
    CHAT_MODEL: 'fake-model',
    CHAT_API_KEY: 'sk-smoke-secret-key',
    CHAT_TIMEOUT_MS: '20000',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const logger = createLogger({
    level: 'debug',
    sink: (l) => logs.push(l),
    secrets: [TOKEN, 'sk-smoke-secret-key'],
  });
  service = await startService(config, logger);
  const address = service.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  await service.ready;
}, 120_000);

afterAll(async () => {
  await service?.close();
  await fake?.close();
});

const askStream = (question: string, signal?: AbortSignal) =>
  fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question }),
    signal,
  });

describe('service over a real socket', () => {
  it('is ready after building the index from seeds/', async () => {
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ready', documents: 1 });
    expect(logs.some((l) => l.includes('"msg":"index progress"'))).toBe(true);
  });

  it('streams a generated answer as several delta events before done, citations checked', async () => {
    fake.queueReply('力争5G基站数达4.5万个[1]。');
    const res = await askStream('2025年青岛5G基站要建多少个？');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    const firstDone = names.indexOf('done');
    expect(names.slice(0, firstDone).filter((n) => n === 'delta').length).toBeGreaterThanOrEqual(3);
    const done = events[firstDone].data as {
      provider: string;
      grounded: boolean;
      citations: { verified: boolean }[];
    };
    expect(done.provider).toBe('openai:fake-model');
    expect(done.grounded).toBe(true);
    expect(done.citations[0].verified).toBe(true);
    expect(logs.join('\n')).not.toContain('sk-smoke-secret-key');
  });

  it('falls back to the extractive answer when the provider answers 500', async () => {
    fake.setMode('server-error', 1);
    const res = await fetch(`${base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '2025年青岛5G基站要建多少个？' }),
    });
    const body = await res.json();
    expect(body.provider).toBe('extractive');
    expect(body.fallbackReason).toMatch(/^PROVIDER_UNAVAILABLE/);
    expect(body.answer).toContain('4.5万');
  });

  it('aborts the upstream model request when the client disconnects', async () => {
    fake.setMode('hang', 1);
    const controller = new AbortController();
    const before = fake.requests.length;
    const res = await askStream('2025年青岛5G基站要建多少个？', controller.signal);
    const reader = res.body?.getReader();
    await reader?.read(); // the meta event: the model call is under way
    while (fake.requests.length === before) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const started = Date.now();
    let metrics = '';
    while (Date.now() - started < 5_000) {
      metrics = await (await fetch(`${base}/metrics`)).text();
      if (metrics.includes('outcome="error"')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Well before CHAT_TIMEOUT_MS (20 s): the abort reached the upstream request.
    expect(
      promSample(metrics, 'llm_request_duration_seconds_count', {
        outcome: 'error',
        provider: 'openai:fake-model',
      }),
    ).toBe(1);
  });

  it('finds an uploaded document by the next search, and not after deleting it', async () => {
    const form = new FormData();
    const text =
      '青岛市灵活就业人员参保补贴办事指南\n一、补贴标准\n灵活就业人员参加职工养老保险的，按缴费额的三分之二给予社会保险补贴，补贴期限最长三年。';
    form.append('file', new File([text], '灵活就业参保补贴.txt'));
    const up = await fetch(`${base}/api/admin/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(up.status).toBe(201);
    const { document } = await up.json();
    const search = async () => {
      const url = `${base}/api/search?q=${encodeURIComponent('灵活就业人员社会保险补贴期限')}`;
      return ((await (await fetch(url)).json()).results as { docId: string }[]).map((r) => r.docId);
    };
    expect((await search())[0]).toBe(document.id);
    const del = await fetch(`${base}/api/admin/documents/${encodeURIComponent(document.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(del.status).toBe(200);
    expect(await search()).not.toContain(document.id);
  });

  it('never loads jieba’s whole dictionary on its own thread: searches cut on scoped ones', async () => {
    // The first build ran on a worker; a whole load here would be a ~1.5 s stall for every request.
    const url = `${base}/api/search?q=${encodeURIComponent('无证明城市建设目标')}`;
    const body = (await (await fetch(url)).json()) as { results: { text: string }[] };
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results[0].text).toContain('无证明');
    expect(loadedDictionary().kind).toBe('scoped');
  });
});

describe('serve.ts start-up', () => {
  it('stops with a readable message and exit code 1 on an invalid config', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: 'eighty', CHAT_PROVIDER: 'openai', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "配置无效 (invalid configuration):
        PORT: Invalid input: expected number, received NaN
        CHAT_BASE_URL: Invalid input: expected string, received undefined
        CHAT_MODEL: Invalid input: expected string, received undefined
        LOG_LEVEL: Invalid option: expected one of "debug"|"info"|"warn"|"error"|"silent"
      "
    `);
  });
});
