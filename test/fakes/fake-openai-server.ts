import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hashString } from '../../src/index/feature-hash.js';

/**
 * How the fake answers:
 * - 'ok': normal answers;
 * - 'unauthorized' (401), 'rate-limited' (429 with Retry-After: 1), 'server-error' (500):
 *   OpenAI-style `{ error: { message, type, code } }` bodies;
 * - 'hang': reads the request and never answers (until `close()`);
 * - 'drop': reads the request and destroys the connection without a response;
 * - 'stream-drop': for `stream: true` chat, sends the role chunk and one content chunk, then
 *   destroys the connection (no `[DONE]`); otherwise like 'drop';
 * - 'bad-embedding': embeddings answer 200 with empty vectors;
 * - 'wrong-dimensions': embeddings answer 200 with one dimension more than asked for.
 */
export type FakeMode =
  | 'ok'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'hang'
  | 'drop'
  | 'stream-drop'
  | 'bad-embedding'
  | 'wrong-dimensions';

/** One request as the fake received it. `body` is the parsed JSON, or the raw text if it was not JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  raw: string;
}

export interface FakeOpenAIServer {
  /** Base URL to pass as `baseURL`, ending in `/v1`, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Every request received, in order (including ones answered with errors or never answered). */
  requests: RecordedRequest[];
  /**
   * Sets how the next requests are answered: for the next `times` requests, then back to 'ok';
   * without `times`, until changed. A request can also choose its own mode with the header
   * `x-fake-mode: <mode>`, which wins.
   */
  setMode(mode: FakeMode, times?: number): void;
  /** Queues a chat reply; queued replies are used first-in first-out, then the default echo. */
  queueReply(text: string): void;
  /** Closes the server and every open connection (hung requests included). */
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  /** Vector size when a request does not ask for `dimensions`. Default 8. */
  embeddingDimensions?: number;
  /** Content chunks a streamed reply is cut into (at least this many when the text is long enough). Default 4. */
  streamChunks?: number;
  /**
   * The chat reply when none is queued, computed from the request's messages (default: the echo).
   * Lets one fake play several roles by prompt, e.g. answer JSON to the eval's judge.
   */
  reply?: (messages: { role: string; content: string }[]) => string;
}

/**
 * Starts a real HTTP server on 127.0.0.1 (random port) speaking the OpenAI-compatible
 * `/v1/embeddings` (float and base64 `encoding_format`, deterministic vectors from the input text),
 * `/v1/chat/completions` (JSON, and SSE for `stream: true`: role chunk, several content chunks, a
 * finish chunk, an optional usage chunk, `data: [DONE]`) and `/v1/models`. The default chat reply
 * echoes the last user message as `echo: <message>`.
 */
export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const { embeddingDimensions = 8, streamChunks = 4, reply } = options;
  const requests: RecordedRequest[] = [];
  const replies: string[] = [];
  const sockets = new Set<Socket>();
  let mode: FakeMode = 'ok';
  let modeTimes = Number.POSITIVE_INFINITY;
  let counter = 0;

  const nextMode = (headers: IncomingHttpHeaders): FakeMode => {
    const forced = headers['x-fake-mode'];
    if (typeof forced === 'string') return forced as FakeMode;
    if (mode === 'ok') return 'ok';
    const current = mode;
    modeTimes -= 1;
    if (modeTimes <= 0) mode = 'ok';
    return current;
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text: a test may want to see what was sent
      }
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, raw });
      const m = nextMode(req.headers);
      if (m === 'hang') return;
      if (m === 'drop' || (m === 'stream-drop' && !isStream(body))) {
        req.socket.destroy();
        return;
      }
      if (m === 'unauthorized')
        return sendError(res, 401, 'Incorrect API key provided', 'invalid_request_error');
      if (m === 'rate-limited')
        return sendError(res, 429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '1' });
      if (m === 'server-error') return sendError(res, 500, 'The server had an error', 'server_error');
      counter += 1;
      if (req.method === 'POST' && path.endsWith('/embeddings')) {
        return sendEmbeddings(res, body as EmbeddingsBody, embeddingDimensions, m);
      }
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        const chat = body as ChatBody;
        const text =
          replies.shift() ??
          (reply ? reply((chat.messages ?? []).map(plainMessage)) : `echo: ${lastUserMessage(chat)}`);
        if (chat.stream)
          return sendStream(res, chat, text, `chatcmpl-fake-${counter}`, streamChunks, m === 'stream-drop');
        return sendJson(res, 200, {
          id: `chatcmpl-fake-${counter}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: chat.model,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
          usage: usage(chat, text),
        });
      }
      if (req.method === 'GET' && path.endsWith('/models')) {
        return sendJson(res, 200, {
          object: 'list',
          data: [{ id: 'fake-model', object: 'model', owned_by: 'fake' }],
        });
      }
      sendError(res, 404, `No route ${req.method} ${path}`, 'invalid_request_error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(m, times) {
      mode = m;
      modeTimes = times ?? Number.POSITIVE_INFINITY;
    },
    queueReply(text) {
      replies.push(text);
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface EmbeddingsBody {
  model: string;
  input: string | string[];
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
}

interface ChatBody {
  model: string;
  messages: { role: string; content: unknown }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

function isStream(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as ChatBody).stream === true;
}

/** A unit vector derived from the text: same text, same vector. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const v = Array.from({ length: dimensions }, (_, i) => (hashString(text, i + 1) / 0xffffffff) * 2 - 1);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function sendEmbeddings(
  res: ServerResponse,
  body: EmbeddingsBody,
  defaultDims: number,
  mode: FakeMode,
): void {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dims = (body.dimensions ?? defaultDims) + (mode === 'wrong-dimensions' ? 1 : 0);
  const data = inputs.map((text, index) => {
    const vector = mode === 'bad-embedding' ? [] : fakeEmbedding(String(text), dims);
    const embedding =
      body.encoding_format === 'base64'
        ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
        : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((n, t) => n + String(t).length, 0);
  sendJson(res, 200, {
    object: 'list',
    data,
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

function sendStream(
  res: ServerResponse,
  body: ChatBody,
  text: string,
  id: string,
  pieces: number,
  drop: boolean,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: body.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
  send(chunk({ role: 'assistant', content: '' }, null));
  const chars = Array.from(text);
  const size = Math.max(1, Math.ceil(chars.length / pieces));
  for (let i = 0; i < chars.length; i += size) {
    send(chunk({ content: chars.slice(i, i + size).join('') }, null));
    if (drop) {
      // Let the first chunks reach the client before the connection dies.
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
  }
  send(chunk({}, 'stop'));
  if (body.stream_options?.include_usage)
    send({
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      choices: [],
      usage: usage(body, text),
    });
  res.end('data: [DONE]\n\n');
}

function lastUserMessage(body: ChatBody): string {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  return user ? contentText(user.content) : '';
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p: { text?: string }) => p.text ?? '').join('');
  return '';
}

function plainMessage(m: { role: string; content: unknown }): { role: string; content: string } {
  return { role: m.role, content: contentText(m.content) };
}

function usage(body: ChatBody, text: string) {
  const prompt = JSON.stringify(body.messages ?? []).length;
  return { prompt_tokens: prompt, completion_tokens: text.length, total_tokens: prompt + text.length };
}

function sendJson(
  res: ServerResponse,
  status: number,
  obj: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(obj);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, code: type, param: null } }, headers);
}
