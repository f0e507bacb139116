import { mountChat } from './chat-panel.js';
import { readOptions } from './widget-options.js';
import { WIDGET_CSS } from './widget-styles.js';

/**
 * Entry of widget.js. One <script src=".../widget.js" data-…> tag adds a floating button and a
 * chat panel inside a Shadow DOM, so host CSS cannot reach it and it cannot reach the host.
 */
function start(): void {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
  const options = readOptions(script?.dataset ?? {}, script?.src, location.href);
  const host = document.createElement('div');
  host.id = 'zw-assistant';
  host.dataset.position = options.position;
  // CSSOM property writes are allowed under a strict style-src CSP (attributes would not be).
  host.style.setProperty('--zw-z', String(options.zIndex));
  if (options.primaryColor && CSS.supports('color', options.primaryColor)) {
    host.style.setProperty('--zw-primary', options.primaryColor);
  }
  const root = host.attachShadow({ mode: 'open' });
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    root.append(style);
  }
  const mount = () => {
    document.body.append(host);
    mountChat(root, options);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

start();
