import { Hono } from 'hono';
import { loadConfig } from '../config.js';
import { MAX_FEEDBACK_COMMENT_CHARS } from '../domain.js';
import { createBundleCache, type EntryName } from './bundle.js';
import { DEMO_CSS, demoPage } from './pages/demo-page.js';
import { staffPage } from './pages/staff-page.js';
import { STAFF_CSS } from './pages/staff-page-styles.js';
import type { WireWidgetConfig } from './shared/api-types.js';
import { findPhones } from './widget/answer-segments.js';

export interface WebRoutesOptions {
  /** Shown on the widget's button and header and on the console. */
  title?: string;
  /** First message of the chat panel. */
  greeting?: string;
  /** Suggested questions on the demo page's widget. */
  suggestions?: string[];
  position?: 'left' | 'right';
  primaryColor?: string;
  /** Minify the bundles (default true; tests may turn it off to read stack traces). */
  minify?: boolean;
  /** Start bundling at once instead of at the first request (default true). */
  warm?: boolean;
  /** The service's MAX_UPLOAD_BYTES: the console refuses bigger files before sending them. */
  maxUploadBytes?: number;
  /** The service's MAX_QUESTION_CHARS: the widget's input limit (GET /api/widget-config). */
  maxQuestionChars?: number;
  /** The service's REFERRAL_LINE: where the widget sends a citizen the documents cannot help. */
  referralLine?: string;
}

/** The configuration defaults (config.ts), for routes built without a service config (tests). */
const DEFAULTS = loadConfig({});

/**
 * Demo questions a Qingdao resident asks, each answered by a document of the demo corpus (corpus/)
 * or the seed: 《青岛市养犬管理条例》第七条, 《居住证暂行条例》第九条, 《青岛市国有土地上房屋征收与补偿条例》
 * 第十九条, the seed's 5G target. test/e2e/demo-chips.test.ts asks each one on the real service.
 */
export const DEFAULT_SUGGESTIONS = [
  '在青岛养犬要去哪里登记？',
  '申领居住证需要提交哪些材料？',
  '房屋征收补偿有哪些方式？',
  '2025年青岛5G基站要建多少个？',
];

/** A small emblem, so browsers asking for /favicon.ico get an answer instead of a 404. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="#0b5cad"/><path d="M8 9h16v11H14l-5 4v-4H8z" fill="#fff"/></svg>';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** The web routes, with `warmed`: settles when the bundles the routes serve are built (or failed). */
export type WebRoutes = Hono & { warmed: Promise<void> };

/**
 * The browser side of the service: `/` (demo page embedding the widget with one tag),
 * `/widget.js`, `/staff` (+ `/staff.js`, `/staff.css`), `/doc/:id?start=&end=` (the console's
 * document viewer with the passage highlighted) and `/api/widget-config` (the question and comment
 * limits and the referral line the widget shows, from the service's configuration). Pages use no inline script or style, so they run
 * under `default-src 'self'`; the widget's CSS is a constructed stylesheet in its shadow root.
 */
export function createWebRoutes({
  title = '青岛政务助手',
  greeting,
  suggestions = DEFAULT_SUGGESTIONS,
  position = 'right',
  primaryColor,
  minify = true,
  warm = true,
  maxUploadBytes,
  maxQuestionChars = DEFAULTS.maxQuestionChars,
  referralLine = DEFAULTS.referralLine,
}: WebRoutesOptions = {}): WebRoutes {
  const bundles = createBundleCache({ minify });
  // Errors surface on the request that needs the bundle; here they would be unhandled.
  const warmed = warm
    ? Promise.all((['widget', 'staff'] as const).map((entry) => bundles(entry).catch(() => undefined))).then(
        () => undefined,
      )
    : Promise.resolve();
  const demo = demoPage({ title, greeting, suggestions, position, primaryColor });
  const staff = staffPage(title, maxUploadBytes);
  const app = new Hono();

  const script = (entry: EntryName) => async (c: import('hono').Context) => {
    const b = await bundles(entry);
    // Short max-age plus ETag: host pages pick up a new widget within minutes of a deploy.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', b.etag);
    if (c.req.header('If-None-Match') === b.etag) return c.body(null, 304);
    c.header('Content-Type', JS);
    // Any site may load the widget script; the API itself is guarded by the CORS allowlist.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(b.code);
  };
  const page = (html: string) => (c: import('hono').Context) => {
    c.header('Content-Type', HTML);
    c.header('Cache-Control', 'no-cache');
    return c.body(html);
  };
  const css = (text: string) => (c: import('hono').Context) => {
    c.header('Content-Type', CSS);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(text);
  };

  app.get('/', page(demo));
  app.get('/favicon.ico', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG);
  });
  app.get('/demo.css', css(DEMO_CSS));
  app.get('/widget.js', script('widget'));
  app.get('/staff', page(staff));
  app.get('/staff/', page(staff));
  app.get('/staff.js', script('staff'));
  app.get('/staff.css', css(STAFF_CSS));
  app.get('/doc/:id', page(staff));
  const widgetConfig: WireWidgetConfig = {
    maxQuestionChars,
    maxCommentChars: MAX_FEEDBACK_COMMENT_CHARS,
    referralLine,
    referralPhones: findPhones(referralLine),
  };
  // Under /api/ so the service's CORS allowlist covers it: host pages on other origins read it.
  app.get('/api/widget-config', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(widgetConfig);
  });
  return Object.assign(app, { warmed });
}
