/**
 * The widget's CSS, applied inside its shadow root (constructed stylesheet where supported, so a
 * host page with a strict `style-src` CSP does not block it). `:host { all: initial }` stops the
 * host page's inherited styles from leaking in; nothing here can select host elements.
 */
export const WIDGET_CSS = `
:host { all: initial; position: fixed; bottom: 20px; right: 20px; z-index: var(--zw-z, 2147483000);
  --zw-primary: #0b5cad; --zw-bg: #ffffff; --zw-fg: #1f2329; --zw-muted: #5c6470; --zw-line: #dfe3e8;
  --zw-soft: #f3f6fa; --zw-user: var(--zw-primary); --zw-user-fg: #fff; --zw-scale: 1;
  font-family: system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: calc(15px * var(--zw-scale)); line-height: 1.6; color: var(--zw-fg); }
:host([data-position="left"]) { right: auto; left: 20px; }
*, *::before, *::after { box-sizing: border-box; }
button, textarea, a { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.zw-offscreen, .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.launcher { display: flex; align-items: center; gap: 8px; border: 0; border-radius: 28px; padding: 12px 18px 12px 14px;
  background: var(--zw-primary); color: #fff; box-shadow: 0 6px 20px rgba(0,0,0,.25); font-weight: 600; }
.icon { width: 1.15em; height: 1.15em; fill: currentColor; flex: none; vertical-align: -0.2em; }
.launcher .icon { width: 24px; height: 24px; }
.launcher[hidden] { display: none; }
.panel { position: fixed; bottom: 20px; right: 20px; width: 400px; max-width: calc(100vw - 24px);
  height: min(680px, calc(100vh - 40px)); display: flex; flex-direction: column; background: var(--zw-bg);
  border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.28); overflow: hidden; border: 1px solid var(--zw-line); }
:host([data-position="left"]) .panel { right: auto; left: 20px; }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 12px 12px 12px 16px; background: var(--zw-primary); color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 1.06em; font-weight: 600; }
.icon-btn { border: 1px solid rgba(255,255,255,.55); background: transparent; color: #fff; border-radius: 8px;
  min-width: 36px; height: 36px; padding: 0 8px; font-size: .9em; }
.icon-btn[aria-pressed="true"] { background: #fff; color: var(--zw-primary); }
.log { flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 12px; background: var(--zw-soft); }
.msg { max-width: 92%; padding: 10px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; }
.msg.user { align-self: flex-end; background: var(--zw-user); color: var(--zw-user-fg); border-bottom-right-radius: 4px; }
.msg.bot { align-self: flex-start; background: var(--zw-bg); border: 1px solid var(--zw-line); border-bottom-left-radius: 4px; }
.msg.error { border-color: #d93025; color: #a50e0e; }
.msg .typing::after { content: "▍"; animation: blink 1s steps(2) infinite; color: var(--zw-primary); }
@keyframes blink { 50% { opacity: 0; } }
.cite { display: inline-flex; align-items: center; justify-content: center; min-width: 1.5em; height: 1.5em; margin: 0 2px;
  padding: 0 4px; border-radius: 6px; border: 1px solid var(--zw-primary); background: #e8f0fb; color: var(--zw-primary);
  font-size: .78em; font-weight: 700; vertical-align: .15em; line-height: 1; }
.cite[aria-expanded="true"] { background: var(--zw-primary); color: #fff; }
.cite:disabled { opacity: .6; cursor: default; }
.card { margin-top: 8px; padding: 10px 12px; border-left: 4px solid var(--zw-primary); background: var(--zw-soft);
  border-radius: 6px; white-space: normal; }
.card h3 { margin: 0 0 4px; font-size: .95em; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 0 0 6px; font-size: .85em; color: var(--zw-muted); }
.card dd { margin: 0; } .card dt { font-weight: 600; }
.card blockquote { margin: 6px 0; padding: 6px 8px; background: #fff8d6; border-radius: 4px; white-space: pre-wrap; font-size: .92em; }
.card a { color: var(--zw-primary); font-weight: 600; }
.badge { display: inline-block; font-size: .75em; padding: 0 6px; border-radius: 10px; margin-left: 6px; vertical-align: .1em; }
.badge.ok { background: #e3f4e8; color: #146c2e; } .badge.warn { background: #fdecea; color: #a50e0e; }
.referral { margin-top: 8px; padding: 10px 12px; border-radius: 8px; background: #fff4e5; border: 1px solid #f0b45a;
  white-space: normal; display: flex; flex-direction: column; gap: 8px; }
.referral .phones { display: flex; flex-wrap: wrap; gap: 8px; }
.referral .phones a { display: inline-flex; align-items: center; gap: 4px; color: #8a4b00; font-weight: 700; font-size: 1.1em;
  text-decoration: none; border: 1px solid #c77700; border-radius: 8px; padding: 2px 10px; background: #fff; }
.referral .try { font-size: .88em; color: var(--zw-muted); }
.referral .search-link { display: inline-flex; align-items: center; gap: 4px; color: var(--zw-primary); font-size: .88em; }
.actions button { display: inline-flex; align-items: center; gap: 4px; }
.actions { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; align-items: center; white-space: normal; }
.actions button { border: 1px solid var(--zw-line); background: var(--zw-bg); border-radius: 8px; padding: 2px 10px; font-size: .85em; }
.actions button[aria-pressed="true"] { border-color: var(--zw-primary); background: #e8f0fb; color: var(--zw-primary); }
.actions .status { font-size: .8em; color: var(--zw-muted); }
.comment { display: flex; gap: 6px; margin-top: 6px; }
.comment textarea { flex: 1; font: inherit; font-size: .9em; border: 1px solid var(--zw-line); border-radius: 8px; padding: 4px 8px; resize: vertical; }
.comment button { border: 1px solid var(--zw-primary); background: var(--zw-primary); color: #fff; border-radius: 8px; padding: 2px 12px; }
.rewritten { font-size: .8em; color: var(--zw-muted); margin-top: 6px; white-space: normal; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; }
.suggestions button { border: 1px solid var(--zw-primary); color: var(--zw-primary); background: var(--zw-bg);
  border-radius: 16px; padding: 4px 12px; font-size: .88em; text-align: left; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--zw-line); background: var(--zw-bg); }
textarea { flex: 1; resize: none; min-height: 44px; max-height: 120px; padding: 10px; border: 1px solid #b9c0c8; border-radius: 10px; background: #fff; }
.send { border: 0; border-radius: 10px; padding: 0 16px; background: var(--zw-primary); color: #fff; font-weight: 600; }
.send:disabled { opacity: .5; cursor: default; }
.foot { padding: 0 10px 8px; font-size: .75em; color: var(--zw-muted); background: var(--zw-bg); }
.large { --zw-scale: 1.3; --zw-fg: #000; --zw-muted: #1a1a1a; --zw-line: #000; --zw-soft: #fff; }
.large .msg.bot { border: 2px solid #000; }
.large .msg.user { background: #000; color: #ff0; }
.large header { background: #000; color: #ff0; }
.large .icon-btn { border-color: #ff0; color: #ff0; }
.large .icon-btn[aria-pressed="true"] { background: #ff0; color: #000; }
.large .cite { background: #000; color: #ff0; border-color: #000; }
.large .send { background: #000; color: #ff0; }
.large .card blockquote { background: #ff0; color: #000; }
.large .card, .large .referral, .large .actions button, .large .suggestions button, .large .comment textarea,
.large textarea { background: #fff; color: #000; border: 2px solid #000; }
.large .referral .phones a, .large .referral .search-link, .large .card a { color: #000; background: #ff0; border: 2px solid #000; }
.large .referral .search-link { padding: 2px 8px; border-radius: 8px; }
.large .referral .try, .large .rewritten, .large .foot, .large .actions .status, .large .card dl { color: #000; }
.large .actions button[aria-pressed="true"], .large .comment button { background: #000; color: #ff0; border-color: #000; }
.large .badge.ok, .large .badge.warn { background: #000; color: #ff0; }
.large .msg.error { color: #000; border: 3px solid #000; }
.panel.large { font-size: calc(15px * var(--zw-scale)); }
@media (max-width: 480px) {
  :host { bottom: 12px; right: 12px; }
  :host([data-position="left"]) { left: 12px; }
  .panel, :host([data-position="left"]) .panel { inset: 0; width: 100vw; max-width: 100vw; height: 100%; border-radius: 0; border: 0; }
}
@media (prefers-reduced-motion: reduce) { .msg .typing::after { animation: none; } }
`;
