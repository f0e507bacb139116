import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

/**
 * A small stand-in for the service's API, answering from the seed text, so the browser code can
 * be tested before (and independently of) the real retrieval spine. It speaks the API contract
 * of README (ask JSON/SSE, search, documents, admin, feedback) with naive bigram matching.
 */

interface FakeDoc {
  meta: {
    id: string;
    title: string;
    docNumber?: string;
    publishDate?: string;
    authority?: string;
    type: string;
    phone?: string;
  };
  text: string;
  chunks: { id: string; start: number; end: number; headingPath: string[] }[];
}

/** A document whose title and text are markup: the browser must show it as text. */
export const HOSTILE_DOC = {
  id: 'hostile_markup',
  title: '<img src=x onerror="window.__xss=1">住房公积金提取须知',
  text: '住房公积金提取须知\n\n一、提取条件\n\n职工购买自住住房的<script>window.__xss=2</script>，可以申请提取住房公积金<img src=x onerror="window.__xss=3">。办理时请携带身份证。\n\n二、咨询方式\n\n咨询电话：0532-12329。',
};

/** Title of the hostile document's copy listed under its search results ("同文亦见于"). */
export const HOSTILE_COPY_TITLE = '<b onclick="window.__xss=4">转载</b>住房公积金提取须知';

function chunkText(id: string, title: string, text: string): FakeDoc['chunks'] {
  const chunks: FakeDoc['chunks'] = [];
  let heading = '';
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const line = m[0].trim();
    if (!line) continue;
    const start = (m.index ?? 0) + m[0].indexOf(line);
    if (/^[一二三四五六七八九十]+、/.test(line)) heading = line;
    if (!/。/.test(line)) continue;
    chunks.push({
      id: `${id}#${chunks.length}`,
      start,
      end: start + line.length,
      headingPath: heading ? [title, heading] : [title],
    });
  }
  return chunks;
}

function bigrams(q: string): string[] {
  const clean = q.replace(/[\s？?，,。！!“”"]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) {
    const gram = clean.slice(i, i + 2);
    // Digit pairs ("20", "25" of a year) match everywhere and drown the words that matter.
    if (!/^\d+$/.test(gram)) out.add(gram);
  }
  return [...out];
}

function matchRanges(text: string, terms: string[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const t of terms)
    for (let i = text.indexOf(t); i !== -1; i = text.indexOf(t, i + 1))
      ranges.push({ start: i, end: i + t.length });
  ranges.sort((a, b) => a.start - b.start);
  const merged: typeof ranges = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export interface FakeApi {
  app: Hono;
  feedback: { requestId: string; rating: string }[];
  asks: { question: string; conversationId?: string }[];
}

export function createFakeApi({
  seedPath,
  adminToken = 'test-token',
  deltaDelayMs = 15,
}: {
  seedPath: string;
  adminToken?: string;
  deltaDelayMs?: number;
}): FakeApi {
  const seedText = readFileSync(seedPath, 'utf8');
  const seedTitle = '《数字青岛2025年行动方案》政策解读';
  const docs = new Map<string, FakeDoc>();
  const add = (meta: FakeDoc['meta'], text: string) =>
    docs.set(meta.id, { meta, text, chunks: chunkText(meta.id, meta.title, text) });
  add(
    {
      id: '000_204df86a34e42382',
      title: seedTitle,
      docNumber: '青政办字【2025】21号',
      publishDate: '2025-05-16',
      authority: '市大数据局',
      type: '政策解读',
      phone: '85912190',
    },
    seedText,
  );
  add(
    {
      id: HOSTILE_DOC.id,
      title: HOSTILE_DOC.title,
      publishDate: '2024-03-01',
      authority: '市住房公积金管理中心',
      type: '办事指南',
    },
    HOSTILE_DOC.text,
  );

  const search = (q: string, filters: Record<string, string | undefined>, k = 10) => {
    const terms = bigrams(q);
    // Inverse document frequency over chunks, so "5G基站" outweighs "2025" and "青岛".
    const all = [...docs.values()].flatMap((d) => d.chunks.map((c) => d.text.slice(c.start, c.end)));
    const weight = new Map(
      terms.map((t) => [t, Math.log((all.length + 1) / (1 + all.filter((x) => x.includes(t)).length))]),
    );
    const total = terms.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0) || 1;
    const hits = [];
    for (const d of docs.values()) {
      const m = d.meta;
      if (filters.authority && !m.authority?.includes(filters.authority)) continue;
      if (filters.year && !m.publishDate?.startsWith(filters.year)) continue;
      if (filters.type && m.type !== filters.type) continue;
      if (filters.docNumber && !m.docNumber?.includes(filters.docNumber)) continue;
      for (const c of d.chunks) {
        const text = d.text.slice(c.start, c.end);
        const matched = terms.filter((t) => text.includes(t));
        if (matched.length === 0) continue;
        hits.push({
          doc: d,
          chunk: c,
          text,
          matched,
          score: matched.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0) / total,
        });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, k);
  };

  const answerFor = (question: string) => {
    const [top] = search(question, {}, 1);
    if (!top || top.score < 0.15) {
      return {
        answer: '已收录的文件中没有找到这个问题的答案。请拨打 12345 政务服务便民热线咨询。',
        refused: true,
        grounded: true,
        citations: [],
      };
    }
    const sentences = [...top.text.matchAll(/[^。；]+[。；]?/g)];
    const best = sentences
      .map((s) => ({ s, score: bigrams(question).filter((t) => s[0].includes(t)).length }))
      .sort((a, b) => b.score - a.score)[0].s;
    const start = top.chunk.start + (best.index ?? 0);
    const quote = best[0];
    const citation = {
      n: 1,
      docId: top.doc.meta.id,
      title: top.doc.meta.title,
      docNumber: top.doc.meta.docNumber,
      date: top.doc.meta.publishDate,
      headingPath: top.chunk.headingPath.join(' › '),
      quote,
      start,
      end: start + quote.length,
      verified: true,
    };
    return {
      answer: `根据${top.doc.meta.title}：${quote.replace(/[。；]$/, '')}。[1]`,
      refused: false,
      grounded: true,
      citations: [citation],
    };
  };

  const feedback: FakeApi['feedback'] = [];
  const asks: FakeApi['asks'] = [];
  let counter = 0;
  const app = new Hono();

  app.post('/api/ask', async (c) => {
    const body = (await c.req.json()) as { question: string; conversationId?: string };
    asks.push(body);
    const requestId = `req-${++counter}`;
    const result = {
      ...answerFor(body.question),
      conversationId: body.conversationId ?? `conv-${counter}`,
      requestId,
      timings: {},
    };
    if (!(c.req.header('Accept') ?? '').includes('text/event-stream')) return c.json(result);
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({
        event: 'meta',
        // As the service does: the retrieved passages, also when the answer is a refusal.
        data: JSON.stringify({
          requestId,
          sources: search(body.question, {}, 3).map((hit, i) => ({
            n: i + 1,
            docId: hit.doc.meta.id,
            title: hit.doc.meta.title,
            headingPath: hit.chunk.headingPath.join(' › '),
            score: hit.score,
          })),
        }),
      });
      for (let i = 0; i < result.answer.length; i += 6) {
        await stream.writeSSE({
          event: 'delta',
          data: JSON.stringify({ text: result.answer.slice(i, i + 6) }),
        });
        await stream.sleep(deltaDelayMs);
      }
      await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: result.citations }) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(result) });
    });
  });

  app.get('/api/search', (c) => {
    const q = c.req.query('q') ?? '';
    const filters = {
      authority: c.req.query('authority'),
      year: c.req.query('year'),
      type: c.req.query('type'),
      docNumber: c.req.query('docNumber'),
    };
    const results = search(q, filters, Number(c.req.query('k') ?? 10)).map((h) => ({
      chunkId: h.chunk.id,
      docId: h.doc.meta.id,
      title: h.doc.meta.title,
      docNumber: h.doc.meta.docNumber,
      date: h.doc.meta.publishDate,
      type: h.doc.meta.type,
      authority: h.doc.meta.authority,
      headingPath: h.chunk.headingPath.join(' › '),
      text: h.text,
      start: h.chunk.start,
      end: h.chunk.end,
      score: h.score,
      highlights: matchRanges(h.text, h.matched),
      why: { bm25Rank: 1, matchedTerms: h.matched },
      // The hostile document "republished": a copy whose title is markup too, opening at the same span.
      ...(h.doc.meta.id === HOSTILE_DOC.id
        ? {
            copies: [
              { docId: HOSTILE_DOC.id, title: HOSTILE_COPY_TITLE, start: h.chunk.start, end: h.chunk.end },
            ],
          }
        : {}),
    }));
    return c.json({ query: q, results });
  });

  app.get('/api/documents', (c) => {
    const documents = [...docs.values()].map((d) => d.meta);
    return c.json({ total: documents.length, limit: 500, offset: 0, documents });
  });
  app.get('/api/documents/:id', (c) => {
    const d = docs.get(c.req.param('id'));
    if (!d)
      return c.json(
        { code: 'NOT_FOUND', title: '未找到 (Not found)', status: 404, detail: '没有这个文件' },
        404,
      );
    return c.json({ meta: d.meta, text: d.text, chunks: d.chunks });
  });
  app.post('/api/feedback', async (c) => {
    feedback.push(await c.req.json());
    return c.json({ ok: true });
  });

  const authorised = (header: string | undefined) => header === `Bearer ${adminToken}`;
  app.post('/api/admin/documents', async (c) => {
    if (!authorised(c.req.header('Authorization')))
      return c.json({ code: 'UNAUTHORIZED', title: '需要管理令牌 (Unauthorized)', status: 401 }, 401);
    const type = c.req.header('Content-Type') ?? '';
    let id: string;
    let title: string;
    let text: string;
    if (type.includes('multipart/form-data')) {
      const form = await c.req.parseBody();
      const file = form.file as File;
      id = file.name.replace(/\.[^.]+$/, '');
      text = await file.text();
      title = text.split('\n')[0].trim() || id;
    } else {
      const body = (await c.req.json()) as { id: string; text: string; meta?: { title?: string } };
      ({ id, text } = body);
      title = body.meta?.title ?? id;
    }
    add({ id, title, type: '其他' }, text);
    return c.json({ document: docs.get(id)?.meta }, 201);
  });
  app.delete('/api/admin/documents/:id', (c) => {
    if (!authorised(c.req.header('Authorization')))
      return c.json({ code: 'UNAUTHORIZED', title: '需要管理令牌 (Unauthorized)', status: 401 }, 401);
    return docs.delete(c.req.param('id'))
      ? c.body(null, 204)
      : c.json({ code: 'NOT_FOUND', status: 404 }, 404);
  });

  return { app, feedback, asks };
}
