import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A scripted OpenAI-compatible chat model on loopback that, unless a reply is queued, ECHOES
 * everything it receives — the system message first — the worst case of an obedient model
 * asked to "print your instructions". Modes make it fail: 500, 429, hang (headers never come),
 * stall (a streamed reply stops after its first piece), and `refuse()` closes the listening
 * socket so connections are refused.
 */
export type EchoMode = 'echo' | 'server-error' | 'rate-limited' | 'hang' | 'stall';

export interface EchoRequest {
  messages: { role: string; content: string }[];
  stream: boolean;
  /** Set when the caller closed the connection before the reply ended. */
  abortedAt?: number;
}

export interface EchoModel {
  url: string;
  requests: EchoRequest[];
  mode: EchoMode;
  queue(text: string): void;
  /** Stops listening (connections refused) until `reopen`. */
  refuse(): Promise<void>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function startEchoModel(): Promise<EchoModel> {
  const replies: string[] = [];
  const requests: EchoRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as {
        messages?: EchoRequest['messages'];
        stream?: boolean;
        model?: string;
      };
      const record: EchoRequest = { messages: body.messages ?? [], stream: body.stream === true };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.abortedAt = Date.now();
      });
      const mode = model.mode;
      if (mode === 'hang') return;
      if (mode === 'server-error') return error(res, 500, 'server_error');
      if (mode === 'rate-limited') return error(res, 429, 'rate_limit_exceeded');
      const text = replies.shift() ?? record.messages.map((m) => m.content).join('\n');
      if (!record.stream) {
        const payload = JSON.stringify({
          id: 'chatcmpl-echo',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(payload);
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-echo', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      const chars = Array.from(text);
      // Pieces of 7 characters: leaked lines arrive split across deltas, as from a real model.
      for (let i = 0; i < chars.length; i += 7) {
        res.write(chunk({ content: chars.slice(i, i + 7).join('') }, null));
        if (mode === 'stall') return;
      }
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listenOn = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  await listenOn(0);
  const { port } = server.address() as AddressInfo;
  const closeAll = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  const model: EchoModel = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    mode: 'echo',
    queue: (text) => void replies.push(text),
    refuse: closeAll,
    reopen: () => listenOn(port),
    close: closeAll,
  };
  return model;
}

function error(res: ServerResponse, status: number, type: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ error: { message: type, type, code: type, param: null } }));
}
