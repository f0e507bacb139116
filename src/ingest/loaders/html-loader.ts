import { decodeText } from '../decode-text.js';
import type { ExtractedText } from './loader.js';

/**
 * .html/.htm without a DOM library: government pages are simple enough that dropping
 * script/style/nav (and the like), turning block tags into newlines and decoding entities gives
 * clean text. Title: the first <h1>, else <title>.
 */

const DROPPED = ['script', 'style', 'nav', 'noscript', 'template', 'svg', 'head', 'title', 'iframe'];
const BLOCK_TAGS =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|thead|tbody|section|article|header|footer|aside|main|blockquote|pre|hr|dl|dt|dd|figure|figcaption|form|address)\b[^>]*>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  ensp: ' ',
  emsp: '\u3000',
  thinsp: ' ',
  times: '×',
  copy: '©',
  reg: '®',
  yen: '¥',
  deg: '°',
  plusmn: '±',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function inlineText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

export function htmlToText(html: string): ExtractedText {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = (h1 && inlineText(h1[1])) || (titleTag && inlineText(titleTag[1])) || undefined;

  let body = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of DROPPED) {
    body = body.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?<\\/${tag}\\s*>`, 'gi'), '\n');
  }
  body = body.replace(BLOCK_TAGS, '\n').replace(/<\/?(?:td|th)\b[^>]*>/gi, ' ');
  body = decodeEntities(body.replace(/<[^>]*>/g, ''));
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
  const text = lines.join('\n').trim();
  return title ? { text, title } : { text };
}

export async function loadHtml(bytes: Uint8Array): Promise<ExtractedText> {
  return htmlToText(decodeText(bytes));
}
