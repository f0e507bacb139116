import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback `/v1/rerank` server (Cohere/Jina shape). Modes: 'ok' scores each document by how many
 * characters of the query it contains; 'unauthorized' 401, 'rate-limited' 429, 'server-error' 500;
 * 'hang' never answers; 'malformed' answers 200 with `{results: "…"}`; 'bad-index' points at a
 * document that was not sent.
 */
export type FakeRerankMode =
  | 'ok'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'hang'
  | 'malformed'
  | 'bad-index';

export interface FakeRerankServer {
  /** Base URL ending in /v1. */
  url: string;
  requests: {
    path: string;
    authorization?: string;
    body: { model: string; query: string; documents: string[]; top_n?: number };
  }[];
  mode: FakeRerankMode;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeRerankServer(): Promise<FakeRerankServer> {
  const sockets = new Set<Socket>();
  const fake: FakeRerankServer = { url: '', requests: [], mode: 'ok', close: async () => {} };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = JSON.parse(raw);
      fake.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      switch (fake.mode) {
        case 'hang':
          return;
        case 'unauthorized':
          return send(res, 401, { message: 'invalid api key' });
        case 'rate-limited':
          return send(res, 429, { message: 'too many requests' });
        case 'server-error':
          return send(res, 500, { message: 'model crashed' });
        case 'malformed':
          return send(res, 200, { results: 'not a list' });
        case 'bad-index':
          return send(res, 200, { results: [{ index: body.documents.length, relevance_score: 1 }] });
        default: {
          const query = [...new Set(body.query as string)];
          const results = (body.documents as string[])
            .map((d, index) => ({
              index,
              relevance_score: query.filter((ch) => d.includes(ch)).length / query.length,
            }))
            .sort((a, b) => b.relevance_score - a.relevance_score)
            .slice(0, body.top_n ?? body.documents.length);
          return send(res, 200, { model: body.model, results });
        }
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}
