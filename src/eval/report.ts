import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Half, type HalfReport, splitHalves } from './halves.js';
import type { ItemRow } from './item-score.js';
import type { JudgeSummary } from './judge-result.js';
import { type RetrievalBlock, retrievalFromRanks } from './retrieval-metrics.js';
import type { PipelineRun, StageLatency } from './runner.js';
import type { CategoryRow, EvalSummary } from './summary.js';

/** Facts about the run that make a report reproducible. */
export interface RunInfo {
  createdAt: string;
  gold: string[];
  k: number;
  provider: string;
  index?: string;
  corpus?: string[];
}

/**
 * report.json. `summary`, `byCategory` and `items` are those of the first pipeline (the default,
 * hybrid) in the fixed shape tools read; `pipelines` (name → summary) appears when several ran.
 * `latencyByStage` and `run` are extra top-level keys; the summary keys stay exactly as specified.
 * `judge` (only with `--judge`) holds the LLM judge's averages for the first pipeline, and
 * `judge.byPipeline` those of every pipeline when several ran; the baseline gate never reads it.
 */
export interface EvalReport {
  summary: EvalSummary;
  byCategory: Record<string, CategoryRow>;
  items: ItemRow[];
  pipelines?: Record<string, EvalSummary>;
  latencyByStage: Record<string, StageLatency>;
  run: RunInfo & { pipeline: string };
  judge?: JudgeSummary & { byPipeline?: Record<string, JudgeSummary> };
  /**
   * Retrieval counting only each passage's own document, per pipeline: `summary.retrieval` also
   * counts the copies of a passage's text in other documents that the retriever folded into it.
   */
  sameDocument: Record<string, RetrievalBlock>;
  /**
   * Per pipeline, the tune and the check half of the gold set (halves.ts: SHA-1 of the id), each
   * with its summary, strict same-document retrieval and per-category rows.
   */
  halves: Record<string, Record<Half, HalfReport>>;
}

/** Retrieval metrics of a run's answerable items by their same-document rank. */
export function sameDocumentRetrieval(items: ItemRow[]): RetrievalBlock {
  return retrievalFromRanks(items.filter((i) => i.answerable).map((i) => i.sameDocumentRank));
}

export function buildReport(runs: PipelineRun[], info: RunInfo): EvalReport {
  if (runs.length === 0) throw new Error('buildReport: no pipeline ran');
  const [first] = runs;
  const report: EvalReport = {
    summary: first.summary,
    byCategory: first.byCategory,
    items: first.items,
    latencyByStage: Object.fromEntries(runs.map((r) => [r.name, r.latencyByStage])),
    run: { ...info, pipeline: first.name },
    sameDocument: Object.fromEntries(runs.map((r) => [r.name, sameDocumentRetrieval(r.items)])),
    halves: Object.fromEntries(runs.map((r) => [r.name, splitHalves(r.items)])),
  };
  if (runs.length > 1) report.pipelines = Object.fromEntries(runs.map((r) => [r.name, r.summary]));
  if (first.judge) {
    report.judge = { ...first.judge };
    if (runs.length > 1) {
      report.judge.byPipeline = Object.fromEntries(
        runs.flatMap((r) => (r.judge ? [[r.name, r.judge] as const] : [])),
      );
    }
  }
  return report;
}

/** Writes a file, creating its folder. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}

export async function writeReport(path: string, report: EvalReport): Promise<void> {
  await writeTextFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
