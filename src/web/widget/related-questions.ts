import { bookTitle, HEADING_SEPARATOR } from '../../text/citation-text.js';

/**
 * After a refusal, up to three questions the documents can answer, built from the nearest heading
 * of each retrieved passage (the `sources` of the answer's `meta` event): an article gives
 * “《标题》第七条是怎么规定的？”, a chapter or section “《标题》中“征收补偿”有哪些规定？”. Pure, so it
 * is tested without a browser.
 */

/** How many related questions a refusal offers. */
export const MAX_RELATED = 3;

export interface SourceHeading {
  title: string;
  /** The passage's heading path, joined with ' › ' (its first element may be the 《title》). */
  headingPath?: string;
}

const ARTICLE = /^第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?$/;
/** Numbering in front of a heading: 第三章, 第二节, 一、, （一）, 1. */
const NUMBERING =
  /^(?:第[零〇一二三四五六七八九十百千\d]+[编章节部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*/;
/** Longest heading text worth turning into a question (longer ones are sentences, not topics). */
const MAX_TOPIC_CHARS = 24;

function questionFor(source: SourceHeading): string | undefined {
  const title = source.title.trim();
  if (!title) return undefined;
  const book = bookTitle(title);
  const parts = (source.headingPath ?? '')
    .split(HEADING_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p && p !== book && p !== title);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (ARTICLE.test(part)) {
      // An article is answerable by its number; a chapter above it names the topic better.
      const chapter = parts
        .slice(0, i)
        .reverse()
        .find((p) => !ARTICLE.test(p));
      const topic = chapter?.replace(NUMBERING, '').trim();
      if (topic && topic.length <= MAX_TOPIC_CHARS) return `${book}中“${topic}”有哪些规定？`;
      return `${book}${part}是怎么规定的？`;
    }
    const topic = part.replace(NUMBERING, '').trim();
    if (topic && topic.length <= MAX_TOPIC_CHARS) return `${book}中“${topic}”有哪些规定？`;
  }
  return `${book}主要规定了什么？`;
}

/** Up to `MAX_RELATED` distinct questions, best source first, never the question just asked. */
export function relatedQuestions(sources: SourceHeading[], asked: string): string[] {
  const out: string[] = [];
  for (const source of sources) {
    const q = questionFor(source);
    if (!q || out.includes(q) || q === asked.trim()) continue;
    out.push(q);
    if (out.length === MAX_RELATED) break;
  }
  return out;
}
