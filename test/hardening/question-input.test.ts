import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GenerativeAnswerer } from '../../src/answer/generative-answerer.js';
import { loadPromptSet } from '../../src/answer/prompt-templates.js';
import { createTestApp } from '../fakes/fake-app.js';
import { fakePassages, fakeRetrieval } from '../fakes/fake-passages.js';
import { ScriptedChatModel } from '../fakes/scripted-chat-model.js';

/**
 * Issue 14 item 10 (minor): a question with HTML tags was refused where the same text without them
 * was answered; `charset=gbk` bodies were read as UTF-8; the LLM refusal echoed the question.
 */

const json = (body: unknown, contentType = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body:
    body instanceof Uint8Array ? Buffer.from(body) : typeof body === 'string' ? body : JSON.stringify(body),
});

describe('questions with markup', () => {
  it('are searched and answered as the same text without the tags', async () => {
    const { app, assistant } = await createTestApp();
    const plain = await (
      await app.request('/api/ask', json({ question: '申请公租房需要什么材料？' }))
    ).json();
    const tagged = await (
      await app.request(
        '/api/ask',
        json({
          question:
            '<p><b>申请</b>公<span style="x">租</span>房需要什么<i>材料</i>？</p><script>alert(1)</script>',
        }),
      )
    ).json();
    expect(assistant.retriever.calls.at(-1)?.query).toBe('申请公租房需要什么材料？');
    expect(tagged.refused).toBe(plain.refused);
    expect(tagged.answer).toBe(plain.answer);
    const search = await (
      await app.request(`/api/search?q=${encodeURIComponent('<em>公租房</em>申请材料')}`)
    ).json();
    expect(search.query).toBe('公租房申请材料');
  });

  it('refuses a question that is only markup with 400', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/ask', json({ question: '<script>alert(1)</script><br/>' }));
    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([{ path: 'question', message: '问题不能为空' }]);
  });
});

describe('request bodies in other charsets', () => {
  it('honours charset=gbk (and gb18030)', async () => {
    const { app, assistant } = await createTestApp();
    for (const charset of ['gbk', 'GB18030', '"gbk"']) {
      const body = iconv.encode(JSON.stringify({ question: '青岛公租房申请材料有哪些？' }), 'gbk');
      const res = await app.request(
        '/api/ask',
        json(new Uint8Array(body), `application/json; charset=${charset}`),
      );
      expect(res.status, charset).toBe(200);
      expect(assistant.retriever.calls.at(-1)?.query).toBe('青岛公租房申请材料有哪些？');
    }
  });

  it('refuses an unknown charset with 415 and bytes invalid in the declared one with 400', async () => {
    const { app } = await createTestApp();
    const unknown = await app.request(
      '/api/ask',
      json({ question: '公租房' }, 'application/json; charset=x-klingon'),
    );
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).detail).toContain('x-klingon');
    const broken = await app.request(
      '/api/ask',
      json(
        new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0x81, 0x22, 0x7d]),
        'application/json; charset=gbk',
      ),
    );
    expect(broken.status).toBe(400);
    expect((await broken.json()).detail).toContain('gbk');
  });
});

describe('the chat answerer refusal', () => {
  it('does not repeat the question', async () => {
    const answerer = new GenerativeAnswerer({
      chat: new ScriptedChatModel(),
      prompts: await loadPromptSet(),
      referralLine: '12345',
    });
    const question = '火星签证<img src=x onerror=alert(1)>我的身份证11010519491231002X';
    const answer = await answerer.answer(question, fakeRetrieval(fakePassages(), false));
    expect(answer.refused).toBe(true);
    expect(answer.answer).toContain('12345');
    for (const part of ['火星签证', '<img', 'onerror', '1101051949'])
      expect(answer.answer).not.toContain(part);
  });
});
