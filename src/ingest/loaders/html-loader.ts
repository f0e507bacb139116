import { Parser } from 'htmlparser2';
import { decodeText } from '../decode-text.js';
import type { ExtractedText } from './loader.js';

/**
 * .html/.htm through htmlparser2, a forgiving streaming parser (unclosed <p>/<li>/<td>, upper-case
 * tags, unquoted attributes and stray end tags are what government sites serve), instead of
 * regular expressions. What a page's reader does not read is dropped: scripts and styles, the
 * site's navigation, banner, footer and side columns (nav/aside, header/footer outside an article,
 * and their ARIA roles), forms and hidden elements. Block elements become line breaks, and a
 * table row becomes one line with its cells separated by " | ". Title: the first <h1> kept, else <title>.
 */

/** Elements whose whole content is dropped wherever they stand. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
  'nav',
  'aside',
  'form',
  'head',
  'title',
]);
/** Page chrome when not inside sectioning content (HTML's banner/contentinfo rule). */
const PAGE_CHROME = new Set(['header', 'footer']);
const SECTIONING = new Set(['article', 'main', 'section']);
const DROPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
]);
/**
 * class/id words that name page chrome on sites built before HTML5 (`<td class=nav>`,
 * `<div id="footer">`, `<div class="position">当前位置：…</div>`). Whole words only: `article-header` stays.
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'menu',
  'topbar',
  'toolbar',
  'sidebar',
  'breadcrumb',
  'crumb',
  'crumbs',
  'position',
  'location',
  'share',
  'copyright',
]);
/** Chrome words that, like the elements, count only outside an article (an article's own header stays). */
const CHROME_OUTSIDE_ARTICLE = new Set(['header', 'footer', 'banner']);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'blockquote',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'address',
  'center',
  'body',
]);
const CELLS = new Set(['td', 'th']);
const CELL_SEPARATOR = ' | ';

function chromeWords(attribs: Record<string, string>): string[] {
  return `${attribs.class ?? ''} ${attribs.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '');
}

export function htmlToText(html: string): ExtractedText {
  const lines: string[] = [];
  let line = '';
  /** Open elements, innermost last, and how many of them drop their content. */
  const open: { name: string; drops: boolean }[] = [];
  let dropping = 0;
  let titleTag = '';
  let inTitle = false;
  let h1: string | undefined;
  let h1Text: string | undefined;
  let cellsInRow = 0;

  const breakLine = () => {
    const clean = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (clean && clean !== CELL_SEPARATOR.trim()) lines.push(clean);
    line = '';
  };
  const inSectioning = () => open.some((e) => SECTIONING.has(e.name));

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        const drops =
          DROPPED.has(name) ||
          (PAGE_CHROME.has(name) && !inSectioning()) ||
          DROPPED_ROLES.has((attribs.role ?? '').toLowerCase()) ||
          chromeWords(attribs).some(
            (w) => CHROME_WORDS.has(w) || (CHROME_OUTSIDE_ARTICLE.has(w) && !inSectioning()),
          ) ||
          isHidden(attribs);
        open.push({ name, drops });
        if (drops) dropping++;
        if (dropping) return;
        if (name === 'tr') cellsInRow = 0;
        if (CELLS.has(name)) {
          if (cellsInRow++ > 0) line += CELL_SEPARATOR;
        } else if (BLOCKS.has(name)) breakLine();
        if (name === 'h1' && h1 === undefined) h1Text = '';
      },
      ontext(text) {
        if (inTitle) titleTag += text;
        if (dropping) return;
        line += text;
        if (h1Text !== undefined) h1Text += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        // Pop up to the matching element (htmlparser2 reports implied closes for what it closes).
        const at = open.map((e) => e.name).lastIndexOf(name);
        if (at < 0) return;
        const closed = open.splice(at);
        const wasDropping = dropping > 0;
        dropping -= closed.filter((e) => e.drops).length;
        if (wasDropping && dropping > 0) return;
        if (name === 'h1' && h1Text !== undefined && h1 === undefined) {
          h1 = h1Text.replace(/\s+/g, ' ').trim() || undefined;
          h1Text = undefined;
        }
        if (BLOCKS.has(name) && !wasDropping) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  breakLine();

  const text = lines.join('\n');
  const title = h1 || titleTag.replace(/\s+/g, ' ').trim() || undefined;
  return title ? { text, title } : { text };
}

export async function loadHtml(bytes: Uint8Array): Promise<ExtractedText> {
  return htmlToText(decodeText(bytes));
}
