import { formatHeadingPath } from '../text/citation-text.js';
import { charF1, keyPointRecall, rougeL } from './answer-metrics.js';
import { citationPrecision } from './citation-precision.js';
import { covers, type DocSpan, rankOfFirstCover, rankOfFirstCoverBySpans } from './coverage.js';
import type { LoadedGoldItem } from './gold.js';
import type { ItemJudgement } from './judge-result.js';
import { leadAccuracy } from './lead-accuracy.js';
import { head, type MetricResult } from './metric.js';
import { numberFidelity } from './number-fidelity.js';
import type { PipelineOutput } from './pipeline.js';
import { refusalCorrect } from './refusal-metrics.js';
import { hitAtK, reciprocalRankAtK } from './retrieval-metrics.js';
import type { MetricName, ScoredItem } from './summary.js';

/**
 * One gold item scored against one pipeline's output: the report row with every metric, the
 * evidence as located, the retrieved passages and the answer. Pure; the runner (runner.ts) times
 * the pipeline and calls these.
 */

/** An evidence quote as the run located it in its document. */
export interface EvidenceRow {
  doc: string;
  quote: string;
  /** 'exact'; 'loose' (found only ignoring whitespace/width); 'missing' (document or quote absent). */
  found: 'exact' | 'loose' | 'missing';
  start?: number;
  end?: number;
}

/** A retrieved passage as a report row shows it. */
export interface RetrievedRow {
  rank: number;
  docId: string;
  title: string;
  heading: string;
  start: number;
  end: number;
  head: string;
  /** The passage or one of its copies covers an evidence quote. */
  coversEvidence: boolean;
  /** The same text in other documents, folded into this passage by the retriever. */
  copies?: { docId: string; title: string; start: number; end: number }[];
}

/** One gold item evaluated by one pipeline. */
export interface ItemRow extends ScoredItem {
  id: string;
  file: string;
  question: string;
  /** Rank of the first passage covering the evidence, itself or through a copy of its text. */
  rank: number | null;
  /** The same counting only the passages' own documents (the strict reading of the overlap rule). */
  sameDocumentRank: number | null;
  evidence: EvidenceRow[];
  retrieved: RetrievedRow[];
  answer: {
    text: string;
    refused: boolean;
    provider: string;
    citations: { n: number; docId: string; start: number; end: number; quote: string }[];
  };
  /** Failed metrics as `name: reason`; empty for a clean item. */
  misses: string[];
  error?: string;
  /** The LLM judge's verdict (only with `--judge`); never part of `misses` or the summary. */
  judge?: ItemJudgement;
}

/** The fields of a row that say which gold item it is. */
function itemIdentity(
  item: LoadedGoldItem,
): Pick<ItemRow, 'id' | 'file' | 'category' | 'question' | 'answerable'> {
  return {
    id: item.id,
    file: item.file,
    category: item.category,
    question: item.question,
    answerable: item.answerable,
  };
}

function spansOf(evidence: EvidenceRow[]): DocSpan[] {
  return evidence.flatMap((e) =>
    e.start === undefined || e.end === undefined ? [] : [{ docId: e.doc, start: e.start, end: e.end }],
  );
}

/** Scores one pipeline output against one gold item. Pure; exported for tests. */
export function scoreItem(
  item: LoadedGoldItem,
  evidence: EvidenceRow[],
  output: PipelineOutput,
  k: number,
  totalMs: number,
): ItemRow {
  const spans = spansOf(evidence);
  const top = output.passages.slice(0, k);
  const passageSpans = top.map((p) => ({ docId: p.chunk.docId, start: p.chunk.start, end: p.chunk.end }));
  const withCopies = top.map((p, i) => [passageSpans[i], ...(p.copies ?? [])]);
  const rank = rankOfFirstCoverBySpans(withCopies, spans);
  const sameDocumentRank = rankOfFirstCover(passageSpans, spans);
  const { answer } = output;
  const metrics: Partial<Record<MetricName, MetricResult>> = {};
  if (item.answerable) {
    const missingEv = evidence.filter((e) => e.found === 'missing');
    const note =
      missingEv.length > 0
        ? ` [evidence not found in documents: ${missingEv.map((e) => e.doc).join(', ')}]`
        : '';
    for (const n of [1, 3, 5, 10]) {
      const m = hitAtK(rank, n);
      metrics[`hit@${n}` as MetricName] = m.pass ? m : { ...m, reason: m.reason + note };
    }
    metrics['mrr@10'] = reciprocalRankAtK(rank, 10);
    // Sets without key points (extractive ones) leave the metric out rather than scoring a free 1.
    if (item.key_points.length > 0) metrics.keyPointRecall = keyPointRecall(answer.answer, item.key_points);
    metrics.charF1 = charF1(answer.answer, item.answer);
    metrics.rougeL = rougeL(answer.answer, item.answer);
    // Only answers that open with a lead the reference can judge carry it.
    const lead = answer.refused ? undefined : leadAccuracy(answer.answer, item.answer, item.key_points);
    if (lead) metrics.leadAccuracy = lead;
  }
  if (!answer.refused) {
    metrics.numberFidelity = numberFidelity(
      answer.answer,
      answer.citations.map((c) => c.quote),
    );
    metrics.citationPrecision = citationPrecision(answer.answer, answer.citations, spans);
  }
  metrics.refusal = refusalCorrect({ id: item.id, answerable: item.answerable, refused: answer.refused });
  const misses = Object.entries(metrics)
    .filter(([, m]) => m && !m.pass)
    .map(([name, m]) => `${name}: ${m?.reason}`);
  return {
    ...itemIdentity(item),
    refused: answer.refused,
    rank: rank ?? null,
    sameDocumentRank: sameDocumentRank ?? null,
    evidence,
    retrieved: top.map((p, i) => ({
      rank: i + 1,
      docId: p.chunk.docId,
      title: p.meta.title,
      heading: formatHeadingPath(p.chunk.headingPath),
      start: p.chunk.start,
      end: p.chunk.end,
      head: head(p.chunk.text, 60),
      coversEvidence: spans.some((s) => withCopies[i].some((span) => covers(span, s))),
      ...(p.copies?.length
        ? {
            copies: p.copies.map((c) => ({ docId: c.docId, title: c.title, start: c.start, end: c.end })),
          }
        : {}),
    })),
    answer: {
      text: answer.answer,
      refused: answer.refused,
      provider: answer.provider,
      citations: answer.citations.map((c) => ({
        n: c.n,
        docId: c.docId,
        start: c.start,
        end: c.end,
        quote: head(c.quote, 60),
      })),
    },
    metrics,
    misses,
    timings: { retrieveMs: output.timings.retrieveMs, answerMs: output.timings.answerMs, totalMs },
  };
}

/** A row for an item whose pipeline threw: every metric that applies fails with the error. */
export function errorRow(
  item: LoadedGoldItem,
  evidence: EvidenceRow[],
  err: unknown,
  totalMs: number,
): ItemRow {
  const message = err instanceof Error ? err.message : String(err);
  const failed: MetricResult = { pass: false, score: 0, reason: `pipeline error: ${message}` };
  const names: MetricName[] = item.answerable
    ? ['hit@1', 'hit@3', 'hit@5', 'hit@10', 'mrr@10', 'keyPointRecall', 'charF1', 'rougeL', 'refusal']
    : ['refusal'];
  return {
    ...itemIdentity(item),
    refused: false,
    rank: null,
    sameDocumentRank: null,
    evidence,
    retrieved: [],
    answer: { text: '', refused: false, provider: 'error', citations: [] },
    metrics: Object.fromEntries(names.map((n) => [n, failed])),
    misses: [`error: ${message}`],
    error: message,
    timings: { retrieveMs: 0, answerMs: 0, totalMs },
  };
}
