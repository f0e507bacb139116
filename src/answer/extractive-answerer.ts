import type { Answer, Citation, Passage, Retrieval } from '../domain.js';
import type { SearchStore } from '../index/search-store.js';
import { relayablePassages } from '../ingest/flag-passages.js';
import { topicalGroups } from '../retrieve/query-terms.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { AnswerEvent, AnswerProvider } from './answer-provider.js';
import { citePassage } from './citations.js';
import {
  type ScoredSentence,
  type SelectionParams,
  scoreSentences,
  selectSentences,
} from './extractive-selection.js';
import { referralText } from './referral.js';

export interface ExtractiveAnswererOptions extends SelectionParams {
  tokenizer: Tokenizer;
  store: SearchStore;
  /** Where citizens are referred when nothing relevant is found. */
  referralLine?: string;
}

/** Puts the marker before a sentence's closing punctuation: "…4.5万个[1]。" */
function withMarker(sentence: string, n: number): string {
  const text = sentence
    .replace(/^[\s•·●▪\-*]+/, '')
    .replace(/\s+/g, (ws, i: number, s: string) =>
      /[\u4e00-\u9fff]/.test(s[i - 1] ?? '') || /[\u4e00-\u9fff]/.test(s[i + ws.length] ?? '') ? '' : ' ',
    );
  const match = /[。！？!?；;，,]$/.exec(text);
  return match
    ? `${text.slice(0, -1)}[${n}]${match[0] === '，' || match[0] === ',' ? '。' : match[0]}`
    : `${text}[${n}]。`;
}

/**
 * The offline answerer: composes a short answer from the sentences of the top passages that
 * answer the question, each followed by an [n] marker for its passage, and cites exactly those
 * sentences (offsets into the document text). Questions naming a law article get the article.
 * With nothing relevant it refuses and refers on instead of guessing.
 */
export function createExtractiveAnswerer({
  tokenizer,
  store,
  referralLine = '12345 政务服务便民热线',
  ...selection
}: ExtractiveAnswererOptions): AnswerProvider {
  async function compose(
    question: string,
    retrieval: Retrieval,
  ): Promise<{ pieces: string[]; answer: Answer }> {
    if (!retrieval.relevant || retrieval.passages.length === 0) {
      const text = referralText(retrieval, referralLine);
      return {
        pieces: [text],
        answer: { answer: text, refused: true, grounded: true, citations: [], provider: 'extractive' },
      };
    }
    const article = retrieval.passages.filter((p) => p.why.articleMatch);
    let chosen: { passage: Passage; start: number; end: number; text: string }[];
    if (article.length > 0) {
      chosen = article.map((p) => ({
        passage: p,
        start: p.chunk.start,
        end: p.chunk.end,
        text: p.chunk.text,
      }));
    } else {
      // The retriever's keyword groups, when it passed them, are the question's (topicalGroups is
      // idempotent); only a retrieval without them makes us tokenize and ask the store again.
      const groups = topicalGroups(retrieval.terms?.groups ?? tokenizer.tokenizeQuery(question));
      const idf = retrieval.terms?.idf ?? (await store.idf(groups.flat()));
      const scored = scoreSentences(question, retrieval.passages, groups, idf, selection.depth);
      chosen = selectSentences(question, scored, selection).map((s: ScoredSentence) => ({
        passage: retrieval.passages[s.passageIndex],
        start: s.start,
        end: s.end,
        text: s.text,
      }));
    }
    if (chosen.length === 0) {
      const text = referralText(retrieval, referralLine);
      return {
        pieces: [text],
        answer: { answer: text, refused: true, grounded: true, citations: [], provider: 'extractive' },
      };
    }
    const numberOf = new Map<string, number>();
    const spans = new Map<number, { passage: Passage; start: number; end: number }>();
    const pieces: string[] = [];
    for (const item of chosen) {
      const key = item.passage.chunk.id;
      const n = numberOf.get(key) ?? numberOf.size + 1;
      numberOf.set(key, n);
      const span = spans.get(n);
      spans.set(n, {
        passage: item.passage,
        start: Math.min(span?.start ?? item.start, item.start),
        end: Math.max(span?.end ?? item.end, item.end),
      });
      pieces.push(withMarker(item.text, n));
    }
    const citations: Citation[] = [...spans.entries()].map(([n, s]) =>
      citePassage(n, s.passage, s.start, s.end, true),
    );
    return {
      pieces,
      answer: { answer: pieces.join(''), refused: false, grounded: true, citations, provider: 'extractive' },
    };
  }

  return {
    id: 'extractive',
    async answer(question, retrieval) {
      return (await compose(question, relayablePassages(retrieval))).answer;
    },
    async *stream(question, retrieval, options) {
      const { pieces, answer } = await compose(question, relayablePassages(retrieval));
      for (const piece of pieces) {
        // Stream clause by clause so a client sees the text arrive as it would from a model.
        for (const part of piece.split(/(?<=[，,；;。！？])/)) {
          if (options?.signal?.aborted) return;
          if (part) yield { type: 'delta', text: part } satisfies AnswerEvent;
        }
      }
      yield { type: 'done', answer } satisfies AnswerEvent;
    },
  };
}
