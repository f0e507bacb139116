import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** An app on a real socket at 127.0.0.1:<random>; `close` ends only this server and its sockets. */
export interface Listening {
  base: string;
  port: number;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono env is fine for a test server
export async function listen(app: Hono<any>): Promise<Listening> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface RawReply {
  /** Everything the server sent before it closed or `waitMs` passed. */
  text: string;
  /** ms from the first byte written to the first byte of the reply (undefined when none came). */
  firstByteMs?: number;
  /** Bytes of the request body the socket had handed to the kernel when the reply came. */
  bodyBytesWritten: number;
}

/**
 * Talks HTTP/1.1 by hand: writes `head`, then `body` chunks one per `gapMs` until the server answers
 * (or the chunks run out), then waits up to `waitMs` for the reply and closes the socket.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Buffer[],
  { gapMs = 20, waitMs = 3000, endAfterBody = false } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    let text = '';
    let firstByteMs: number | undefined;
    let written = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, firstByteMs, bodyBytesWritten: written });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('error', (err) => (text ? finish() : done ? undefined : reject(err)));
    socket.on('data', (d) => {
      if (firstByteMs === undefined) firstByteMs = performance.now() - started;
      text += d.toString('utf8');
    });
    socket.on('close', finish);
    socket.on('connect', async () => {
      socket.write(head);
      for (const chunk of body) {
        if (firstByteMs !== undefined || done) break;
        socket.write(chunk);
        written += chunk.length;
        await new Promise((r) => setTimeout(r, gapMs));
      }
      if (endAfterBody && !done) socket.end();
    });
  });
}
