import { performance } from 'node:perf_hooks';
import { type LocatedQuote, locateQuote } from './coverage.js';
import type { LoadedGoldItem } from './gold.js';
import { type EvidenceRow, errorRow, type ItemRow, scoreItem } from './item-score.js';
import { type ItemJudge, type JudgeSummary, summariseJudgements } from './judge-result.js';
import type { NamedPipeline, PipelineOutput } from './pipeline.js';
import {
  byCategory,
  type CategoryRow,
  type EvalSummary,
  type LatencyStats,
  latencyStats,
  summarise,
} from './summary.js';

/** Where document texts come from (a SearchStore has this method). */
export interface DocumentTexts {
  getDocument(id: string): Promise<{ text: string } | undefined>;
}

/** Per-stage latency of one pipeline. */
export interface StageLatency {
  retrieve: LatencyStats;
  answer: LatencyStats;
  total: LatencyStats;
}

export interface PipelineRun {
  name: string;
  summary: EvalSummary;
  byCategory: Record<string, CategoryRow>;
  latencyByStage: StageLatency;
  items: ItemRow[];
  /** Judge averages, when a judge ran. */
  judge?: JudgeSummary;
}

export interface RunProgress {
  pipeline: string;
  /** Items done over all pipelines. */
  done: number;
  total: number;
  id: string;
}

export interface RunEvalOptions {
  gold: LoadedGoldItem[];
  pipelines: NamedPipeline[];
  documents: DocumentTexts;
  /** Depth of retrieval scoring (hit@k up to k, MRR@k). */
  k?: number;
  onProgress?: (p: RunProgress) => void;
  /** Optional LLM judge, called after an item is timed so its latency never counts. */
  judge?: ItemJudge;
}

/** Locates every evidence quote of every item once (document texts cached). */
export async function locateEvidence(
  gold: LoadedGoldItem[],
  documents: DocumentTexts,
): Promise<Map<LoadedGoldItem, EvidenceRow[]>> {
  const texts = new Map<string, string | undefined>();
  const out = new Map<LoadedGoldItem, EvidenceRow[]>();
  for (const item of gold) {
    const rows: EvidenceRow[] = [];
    for (const ev of item.evidence) {
      if (!texts.has(ev.doc)) texts.set(ev.doc, (await documents.getDocument(ev.doc))?.text);
      const text = texts.get(ev.doc);
      const at: LocatedQuote | undefined =
        text === undefined ? undefined : locateQuote(text, ev.quote, ev.doc);
      rows.push(
        at
          ? {
              doc: ev.doc,
              quote: ev.quote,
              found: at.exact ? 'exact' : 'loose',
              start: at.start,
              end: at.end,
            }
          : { doc: ev.doc, quote: ev.quote, found: 'missing' },
      );
    }
    out.set(item, rows);
  }
  return out;
}

/** Runs every pipeline over every gold item (pipelines one after another, so latencies do not mix). */
export async function runEval({
  gold,
  pipelines,
  documents,
  k = 10,
  onProgress,
  judge,
}: RunEvalOptions): Promise<PipelineRun[]> {
  const evidence = await locateEvidence(gold, documents);
  const total = gold.length * pipelines.length;
  let done = 0;
  const runs: PipelineRun[] = [];
  for (const pipeline of pipelines) {
    const items: ItemRow[] = [];
    for (const item of gold) {
      const ev = evidence.get(item) ?? [];
      const t0 = performance.now();
      let output: PipelineOutput | undefined;
      let row: ItemRow;
      try {
        output = await pipeline.run(item.question, k);
        row = scoreItem(item, ev, output, k, performance.now() - t0);
      } catch (err) {
        row = errorRow(item, ev, err, performance.now() - t0);
      }
      if (judge) {
        // A fresh object: the judge gets the question, never the gold answer.
        const asked = { id: item.id, question: item.question, answerable: item.answerable };
        row.judge = output
          ? await judge.judge(asked, output)
          : { status: 'skipped', reason: 'pipeline error (no answer)' };
      }
      items.push(row);
      done++;
      onProgress?.({ pipeline: pipeline.name, done, total, id: item.id });
    }
    runs.push({
      name: pipeline.name,
      summary: summarise(items),
      byCategory: byCategory(items),
      latencyByStage: {
        retrieve: latencyStats(items.map((i) => i.timings.retrieveMs)),
        answer: latencyStats(items.map((i) => i.timings.answerMs)),
        total: latencyStats(items.map((i) => i.timings.totalMs)),
      },
      items,
      ...(judge
        ? {
            judge: summariseJudgements(
              judge.model,
              items.map((i) => i.judge),
            ),
          }
        : {}),
    });
  }
  return runs;
}
