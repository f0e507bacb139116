/**
 * A question as plain text: HTML markup removed before it is searched (issue 14 item 10: "<b>公租房
 * </b>怎么申请" was refused where "公租房怎么申请" was answered, because tag names and attributes
 * became query terms). Elements whose content is not text (script, style) go with their content;
 * other tags are dropped and their text kept; the common entities are decoded; whitespace is
 * collapsed. Text that only looks like a tag ("a<b", "1 < 2") is left alone.
 */

const NON_TEXT = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;
const BLOCK = /^<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|section|article|blockquote|hr)\b/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripMarkup(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return (
    text
      .replace(NON_TEXT, ' ')
      // A block tag (p, br, li …) separates words; an inline one (b, span) sits inside a word: 公<b>租</b>房.
      .replace(TAG, (tag) => (BLOCK.test(tag) ? ' ' : ''))
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
        }
        return ENTITIES[name.toLowerCase()] ?? all;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}
