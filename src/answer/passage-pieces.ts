import type { Passage } from '../domain.js';
import { ARTICLE_LABEL, isListLead, LEADING_ENUMERATOR } from '../text/piece-labels.js';
import { splitSentences } from '../text/sentences.js';
import { isEnumeratorOnly } from './display-text.js';

/*
 * What of a passage is quoted: its sentences with offsets into the document, and the pieces an
 * answer shows of it (a short article whole; else the chosen sentences, a list lead with its items
 * and an item with its lead and siblings).
 */

/** A quoted piece of a passage; offsets are into the document text. */
export interface QuotedPiece {
  passageIndex: number;
  start: number;
  end: number;
  /** The file text of the piece. */
  text: string;
  /** An enumerated item ("（一）…", "1. …"): shown on its own line. */
  item: boolean;
}

/**
 * A law article up to this many characters is quoted whole: its sentences qualify each other (the
 * penalty follows the duty, the exception the rule), and the articles behind citizens' questions
 * are mostly 100–400 characters. Longer articles (the chunker splits them at 480) get the sentences
 * that answer. 400 was chosen on the tune halves (measured 2026-12-03): at 320 a 330-character
 * article lost the case the question describes (严重影响居民采光、通风 among the cases a tree may be
 * moved); 400 gained seven tune answers a key point and lost none, answers 4 % longer; 480 gained
 * one more for twice the length.
 */
export const WHOLE_ARTICLE_MAX_CHARS = 400;

interface Sentence {
  start: number;
  end: number;
  text: string;
  item: boolean;
}

/** Sentences of a passage with offsets into the document; leading bullets and spaces skipped. */
export function passageSentences(passage: Passage): Sentence[] {
  const { chunk } = passage;
  const out: Sentence[] = [];
  for (const span of splitSentences(chunk.text)) {
    let from = span.start;
    while (from < span.end && /[\s•·●▪■◆*-]/.test(chunk.text[from])) from += 1;
    const text = chunk.text.slice(from, span.end);
    if (!text || isEnumeratorOnly(text) || isHeadingLine(text)) continue;
    out.push({
      start: chunk.start + from,
      end: chunk.start + span.end,
      text,
      item: LEADING_ENUMERATOR.test(text),
    });
  }
  return out;
}

/** A section heading inside a passage ("二、实施数字政府提质工程"): short, numbered, unpunctuated. */
function isHeadingLine(text: string): boolean {
  return text.length <= 30 && /^[一二三四五六七八九十]{1,3}、/u.test(text) && !/[。；;，,：:]/.test(text);
}

/** Indexes of the list a lead at `i` announces (the run of items right after it). */
function itemsAfter(sentences: Sentence[], i: number, max: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < sentences.length && sentences[j].item && out.length < max; j++) out.push(j);
  return out;
}

/** The lead of the list an item at `i` belongs to, if the passage holds it. */
function leadBefore(sentences: Sentence[], i: number): number | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (!sentences[j].item) return isListLead(sentences[j].text) ? j : undefined;
  }
  return undefined;
}

/** A chunk that is one law article (or its start): "第十四条 …". */
export function isArticle(passage: Passage): boolean {
  return passage.chunk.article !== undefined || ARTICLE_LABEL.test(passage.chunk.text);
}

/**
 * The sentences of one passage that answer: the whole article when it is short, otherwise the
 * anchor and the close seconds of the same passage; a list lead brings its items and an item its
 * lead and siblings, so an enumeration is never cut to one fragment.
 */
export function piecesOfPassage(
  passage: Passage,
  passageIndex: number,
  chosenStarts: Set<number>,
  maxItems: number,
  mayQuoteWhole = true,
): QuotedPiece[] {
  const sentences = passageSentences(passage);
  const whole = mayQuoteWhole && isArticle(passage) && passage.chunk.text.length <= WHOLE_ARTICLE_MAX_CHARS;
  const keep = new Set<number>();
  sentences.forEach((s, i) => {
    if (whole || chosenStarts.has(s.start)) keep.add(i);
  });
  for (const i of [...keep]) {
    if (isListLead(sentences[i].text)) for (const j of itemsAfter(sentences, i, maxItems)) keep.add(j);
    if (sentences[i].item) {
      const lead = leadBefore(sentences, i);
      if (lead !== undefined) {
        keep.add(lead);
        for (const j of itemsAfter(sentences, lead, maxItems)) keep.add(j);
      }
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => ({ passageIndex, ...sentences[i] }));
}
