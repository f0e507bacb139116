import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createWebRoutes } from '../../src/web/web-routes.js';

/**
 * The strictest CSP the pages must work under: no inline script or style anywhere. The widget's
 * styles are a constructed stylesheet, which `style-src 'self'` does not block.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The upload limit the test pages are told (the console checks it before sending). */
export const TEST_MAX_UPLOAD_BYTES = 64 * 1024;
/** The question limit and referral line the widget is told (not the defaults, so a test can tell). */
export const TEST_MAX_QUESTION_CHARS = 321;
export const TEST_REFERRAL_LINE = '0532-12345678 青岛市民服务热线';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the web routes in front of an API app on 127.0.0.1:0 with a strict CSP on every response. */
export async function startWebServer(api: Hono): Promise<RunningServer> {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', STRICT_CSP);
  });
  app.route('/', api);
  app.route(
    '/',
    createWebRoutes({
      title: '青岛政务助手',
      maxUploadBytes: TEST_MAX_UPLOAD_BYTES,
      maxQuestionChars: TEST_MAX_QUESTION_CHARS,
      referralLine: TEST_REFERRAL_LINE,
    }),
  );
  return listen(app);
}

/** Listens on an ephemeral loopback port; `close` closes only this server. */
export function listen(app: {
  fetch: (req: Request) => Response | Promise<Response>;
}): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets from the browser would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
