/**
 * The widget is configured by data- attributes on its own <script> tag:
 *
 *   <script src="https://HOST/widget.js" data-title="青岛政务助手" data-position="right"
 *     data-primary-color="#c8102e" data-z-index="2147483000" data-greeting="您好…"
 *     data-initial-question="…" data-suggestions="问题1|问题2" data-api-base="https://HOST"
 *     data-open="false"></script>
 */

export interface WidgetOptions {
  title: string;
  greeting: string;
  position: 'left' | 'right';
  /** Any CSS colour; ignored when the browser does not accept it. */
  primaryColor?: string;
  zIndex: number;
  /** Asked automatically the first time the panel opens. */
  initialQuestion?: string;
  suggestions: string[];
  /** Origin (and optional path prefix) of the service; defaults to the script's own origin. */
  apiBase: string;
  /** Open the panel on page load. */
  open: boolean;
}

/** Above almost every host page layer; hosts can lower it with data-z-index. */
export const DEFAULT_Z_INDEX = 2147483000;

export function readOptions(
  dataset: DOMStringMap,
  scriptSrc: string | undefined,
  pageUrl: string,
): WidgetOptions {
  const base = dataset.apiBase || (scriptSrc ? new URL(scriptSrc, pageUrl).origin : new URL(pageUrl).origin);
  const z = Number(dataset.zIndex);
  return {
    title: dataset.title || '政务服务智能助手',
    greeting:
      dataset.greeting ||
      '您好！我可以根据已公开的政策文件回答办事和政策问题，每个回答都会附上出处。请问有什么可以帮您？',
    position: dataset.position === 'left' ? 'left' : 'right',
    primaryColor: dataset.primaryColor || undefined,
    zIndex: Number.isFinite(z) && dataset.zIndex ? z : DEFAULT_Z_INDEX,
    initialQuestion: dataset.initialQuestion || undefined,
    suggestions: (dataset.suggestions ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 6),
    apiBase: base.replace(/\/+$/, ''),
    open: dataset.open === 'true',
  };
}
