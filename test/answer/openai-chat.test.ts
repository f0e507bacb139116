import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FallbackAnswerer } from '../../src/answer/fallback-answerer.js';
import { GenerativeAnswerer } from '../../src/answer/generative-answerer.js';
import { OpenAICompatibleChat } from '../../src/answer/openai-chat.js';
import { loadPromptSet } from '../../src/answer/prompt-templates.js';
import { isAppError } from '../../src/errors.js';
import { FakeExtractiveAnswerer } from '../fakes/fake-assistant.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { fakePassages, fakeRetrieval } from '../fakes/fake-passages.js';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer({ streamChunks: 5 });
});
afterAll(async () => {
  await server.close();
});

// Generous default: the first call pays for lazy imports on a busy 2-core machine.
const chat = (timeoutMs = 15_000) =>
  new OpenAICompatibleChat({
    baseURL: server.url,
    model: 'qwen-plus',
    apiKey: 'sk-test-key',
    timeoutMs,
    maxRetries: 0,
    temperature: 0.1,
    maxTokens: 256,
  });

const messages = [
  { role: 'system' as const, content: '你是助手' },
  { role: 'user' as const, content: '公租房怎么申请？' },
];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  return 'no error';
}

describe('OpenAICompatibleChat against a loopback OpenAI-compatible server', () => {
  it('completes as JSON with every option sent explicitly', async () => {
    server.setMode('ok');
    server.queueReply('到街道便民服务中心申请[1]。');
    expect(await chat().complete(messages)).toBe('到街道便民服务中心申请[1]。');
    const req = server.requests.at(-1);
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer sk-test-key');
    expect(req?.body).toMatchObject({ model: 'qwen-plus', temperature: 0.1, max_tokens: 256, messages });
  });

  it('streams over SSE in several pieces', async () => {
    server.queueReply('申请公租房需要携带身份证、户口簿和收入证明。');
    const pieces: string[] = [];
    for await (const p of chat().stream(messages)) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('申请公租房需要携带身份证、户口簿和收入证明。');
    expect(server.requests.at(-1)?.body).toMatchObject({ stream: true });
  });

  it('translates 401, 429 and 500 by status', async () => {
    server.setMode('unauthorized', 1);
    expect(await codeOf(chat().complete(messages))).toBe('PROVIDER_AUTH');
    server.setMode('rate-limited', 1);
    expect(await codeOf(chat().complete(messages))).toBe('PROVIDER_RATE_LIMITED');
    server.setMode('server-error', 1);
    expect(await codeOf(chat().complete(messages))).toBe('PROVIDER_UNAVAILABLE');
    server.setMode('server-error', 1);
    expect(
      await codeOf(
        (async () => {
          for await (const _ of chat().stream(messages));
        })(),
      ),
    ).toBe('PROVIDER_UNAVAILABLE');
  });

  it('turns a hung endpoint into PROVIDER_TIMEOUT within the timeout', async () => {
    server.setMode('hang', 2);
    const started = Date.now();
    expect(await codeOf(chat(300).complete(messages))).toBe('PROVIDER_TIMEOUT');
    expect(
      await codeOf(
        (async () => {
          for await (const _ of chat(300).stream(messages));
        })(),
      ),
    ).toBe('PROVIDER_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('maps a dropped connection and a refused connection to PROVIDER_UNAVAILABLE', async () => {
    server.setMode('drop', 1);
    expect(await codeOf(chat().complete(messages))).toBe('PROVIDER_UNAVAILABLE');
    const refused = new OpenAICompatibleChat({
      baseURL: 'http://127.0.0.1:1/v1',
      model: 'm',
      apiKey: 'k',
      timeoutMs: 1000,
      maxRetries: 0,
      temperature: 0,
      maxTokens: 16,
    });
    expect(await codeOf(refused.complete(messages))).toBe('PROVIDER_UNAVAILABLE');
  });

  it('aborts the upstream request when the caller aborts', async () => {
    server.setMode('hang', 1);
    const controller = new AbortController();
    const pending = chat(5_000).complete(messages, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(pending).rejects.toBeTruthy();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('end to end: a 429 from the provider falls back to the extractive answer', async () => {
    const prompts = await loadPromptSet();
    const answerer = new FallbackAnswerer({
      primary: new GenerativeAnswerer({ chat: chat(), prompts, referralLine: '12345' }),
      fallback: new FakeExtractiveAnswerer(),
      enabled: true,
    });
    server.setMode('rate-limited', 1);
    const answer = await answerer.answer('材料', fakeRetrieval(fakePassages()));
    expect(answer.provider).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/^PROVIDER_RATE_LIMITED/);

    server.queueReply('申请公租房需要携带身份证、户口簿、收入证明和住房情况证明[2]。');
    const ok = await answerer.answer('材料', fakeRetrieval(fakePassages()));
    expect(ok).toMatchObject({ provider: 'openai:qwen-plus', grounded: true });
    expect(ok.fallbackReason).toBeUndefined();
  });

  it('does not fall back when fallback is disabled', async () => {
    const prompts = await loadPromptSet();
    const answerer = new FallbackAnswerer({
      primary: new GenerativeAnswerer({ chat: chat(), prompts, referralLine: '12345' }),
      fallback: new FakeExtractiveAnswerer(),
      enabled: false,
    });
    server.setMode('server-error', 1);
    expect(await codeOf(answerer.answer('材料', fakeRetrieval(fakePassages())))).toBe('PROVIDER_UNAVAILABLE');
  });
});
