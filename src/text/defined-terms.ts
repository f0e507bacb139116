import type { Chunk } from '../domain.js';
import { ARTICLE_LABEL, LEADING_ENUMERATOR } from './piece-labels.js';
import { splitSentences } from './sentences.js';

/**
 * Terms a document defines for itself, mostly in its 附则: "午间，是指北京时间十二时至十四时之间的
 * 期间", "本条例所称养犬人，是指…". An article that forbids noise "在午间和夜间" states its hours only
 * there, so an answer to "几点以后不能装修" quoting the article needs the definition beside it.
 */
export interface Definition {
  term: string;
  /** The defining sentence, offsets into the document text. */
  start: number;
  end: number;
  text: string;
  chunk: Chunk;
}

/** "[本条例所称]X，是指…" at the start of a sentence (after an enumerator such as "（二）"). */
const DEFINING = /^(?:本(?:条例|规定|办法|法|细则|决定)所称)?[“"]?(\p{Script=Han}{2,12}?)[”"]?[，,]?是指/u;

/** The definitions in a document's chunks, in document order. Only chunks holding 是指 are split. */
export function definitionsIn(chunks: readonly Chunk[]): Definition[] {
  const out: Definition[] = [];
  for (const chunk of chunks) {
    if (!chunk.text.includes('是指')) continue;
    for (const span of splitSentences(chunk.text)) {
      const raw = chunk.text.slice(span.start, span.end);
      // The enumerator of a definition list ("（二）") or the article's label is not part of what is quoted.
      const lead =
        (raw.match(LEADING_ENUMERATOR) ?? raw.match(ARTICLE_LABEL) ?? raw.match(/^\s*/u))?.[0].length ?? 0;
      const text = raw.slice(lead);
      const match = DEFINING.exec(text);
      if (!match) continue;
      out.push({
        term: match[1],
        start: chunk.start + span.start + lead,
        end: chunk.start + span.end,
        text,
        chunk,
      });
    }
  }
  return out;
}
