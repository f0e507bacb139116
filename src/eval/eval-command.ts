import { readFile } from 'node:fs/promises';
import type { AnswerProvider } from '../answer/answer-provider.js';
import type { ChatModel } from '../answer/chat-model.js';
import { AppError } from '../errors.js';
import type { Embedder } from '../index/embedder.js';
import type { Retriever } from '../retrieve/retriever.js';
import { compareToBaseline, formatRegressions, gateExitCode } from './baseline.js';
import { loadGold } from './gold.js';
import { HALVES, type Half, halfOf } from './halves.js';
import { renderHtmlReport } from './html-report.js';
import { loadJudgePrompts } from './judge-prompts.js';
import { createLlmJudge } from './llm-judge.js';
import { createNaivePipeline, type NaiveSource } from './naive-pipeline.js';
import { createRetrieverPipeline, type NamedPipeline } from './pipeline.js';
import { buildReport, type EvalReport, writeReport, writeTextFile } from './report.js';
import type { DocumentTexts, RunProgress } from './runner.js';
import { runEval } from './runner.js';
import type { EvalSummary } from './summary.js';
import { formatCategoryTable, formatMissKindTable, formatSummaryTable } from './terminal-summary.js';

/** Pipelines `--pipeline` can name; the first one given (default hybrid) heads the report. */
export const PIPELINE_NAMES = ['hybrid', 'bm25', 'vector', 'naive'] as const;

/** What an eval run needs from the built assistant (the composition root provides it). */
export interface EvalDeps {
  store: DocumentTexts & NaiveSource;
  embedder: Embedder;
  retriever: Retriever;
  answerer: AnswerProvider;
  /** Passages handed to the answerer (the service's RETRIEVAL_K). */
  answerK: number;
}

export interface EvalCommandOptions {
  gold: string[];
  pipelines?: string[];
  k?: number;
  out?: string;
  html?: string;
  baseline?: string;
  maxDrop?: number;
  provider: string;
  index?: string;
  corpus?: string[];
  onProgress?: (p: RunProgress) => void;
  /** Where the table and the gate's verdict go. */
  print?: (line: string) => void;
  /**
   * The chat model that judges faithfulness and relevance (`--judge`; see judge-chat.ts). Unset: no
   * judge. The deterministic metrics are computed either way and remain the gate.
   */
  judge?: ChatModel;
  /** Folder of the judge's prompt files; default the repository's `prompts/`. */
  promptsDir?: string;
  /** Evaluate only this half of the gold set (`--half`; see halves.ts); default both. */
  half?: Half;
}

/** Builds the named pipelines over the same store, embedder and answerer. */
export async function buildPipelines(names: string[], deps: EvalDeps): Promise<NamedPipeline[]> {
  const out: NamedPipeline[] = [];
  for (const name of names) {
    if (name === 'naive') {
      out.push(
        await createNaivePipeline({
          source: deps.store,
          embedder: deps.embedder,
          answerer: deps.answerer,
          answerK: deps.answerK,
        }),
      );
    } else if (name === 'hybrid' || name === 'bm25' || name === 'vector') {
      out.push(
        createRetrieverPipeline({
          name,
          retriever: deps.retriever,
          mode: name,
          answerer: deps.answerer,
          answerK: deps.answerK,
        }),
      );
    } else {
      throw new AppError(
        'VALIDATION_FAILED',
        `unknown pipeline "${name}" (known: ${PIPELINE_NAMES.join(', ')})`,
        {
          issues: [{ path: '--pipeline', message: `unknown: ${name}` }],
        },
      );
    }
  }
  return out;
}

/** Reads a baseline: a report.json (its `summary`) or a bare summary object. */
export async function readBaseline(path: string): Promise<EvalSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `cannot read baseline ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const obj = parsed as { summary?: EvalSummary } & Partial<EvalSummary>;
  const summary = obj.summary ?? (obj as EvalSummary);
  if (!summary || typeof summary !== 'object' || !summary.retrieval || !summary.answer || !summary.refusal) {
    throw new AppError('VALIDATION_FAILED', `baseline ${path} has no summary with retrieval/answer/refusal`);
  }
  return summary;
}

/**
 * The whole `npm run eval` after composition: gold → pipelines → report(s) → table → gate.
 * Returns the process exit code (1 when the baseline gate finds a regression).
 */
export async function runEvalCommand(
  deps: EvalDeps,
  options: EvalCommandOptions,
): Promise<{ exitCode: number; report: EvalReport }> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const k = options.k ?? 10;
  const maxDrop = options.maxDrop ?? 0.02;
  const all = await loadGold(options.gold);
  const gold = options.half ? all.filter((item) => halfOf(item.id) === options.half) : all;
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  const names = options.pipelines && options.pipelines.length > 0 ? options.pipelines : ['hybrid'];
  const pipelines = await buildPipelines(names, deps);
  const judge = options.judge
    ? createLlmJudge({
        chat: options.judge,
        prompts: await loadJudgePrompts(options.promptsDir),
        maxPassages: deps.answerK,
      })
    : undefined;
  const runs = await runEval({
    gold,
    pipelines,
    documents: deps.store,
    k,
    onProgress: options.onProgress,
    judge,
  });
  const report = buildReport(runs, {
    createdAt: new Date().toISOString(),
    gold: options.gold,
    k,
    provider: options.provider,
    index: options.index,
    corpus: options.corpus,
  });
  if (options.out) await writeReport(options.out, report);
  if (options.html) await writeTextFile(options.html, renderHtmlReport(report));

  print(
    formatSummaryTable(
      runs.map((r) => ({
        name: r.name,
        summary: r.summary,
        judge: r.judge,
        sameDocument: report.sameDocument[r.name],
      })),
    ),
  );
  print('\ntune and check halves (halves.ts: SHA-1 of the id; choose on tune, report check):');
  print(
    formatSummaryTable(
      runs.flatMap((r) =>
        HALVES.map((half) => ({
          name: `${r.name}:${half}`,
          summary: report.halves[r.name][half].summary,
          sameDocument: report.halves[r.name][half].sameDocument,
        })),
      ),
    ),
  );
  print(`\nby category, ${runs[0].name} (t = tune half, c = check half):`);
  print(formatCategoryTable(report.halves[runs[0].name]));
  print(`\nmisses by kind, ${runs[0].name} (where each was lost; the html report lists them):`);
  print(formatMissKindTable(report.halves[runs[0].name]));
  if (report.judge) {
    const { model, judged, failed, skipped } = report.judge;
    print(`judge ${model}: ${judged} judged, ${failed} failed, ${skipped} skipped (not gated)`);
    const errors = runs[0].items.flatMap((i) =>
      i.judge?.status === 'failed' ? [`${i.id}: ${i.judge.error}`] : [],
    );
    if (errors.length > 0) print(`judge errors (${errors.length}): ${errors.slice(0, 5).join('; ')}`);
  }
  const loose = runs[0].items.flatMap((i) =>
    i.evidence.filter((e) => e.found !== 'exact').map((e) => `${i.id} ${e.found}: ${e.doc}`),
  );
  if (loose.length > 0)
    print(`evidence not found exactly (${loose.length}): ${loose.slice(0, 10).join('; ')}`);
  if (options.out) print(`report: ${options.out}`);
  if (options.html) print(`html: ${options.html}`);
  if (!baseline) return { exitCode: 0, report };

  const regressions = compareToBaseline(report.summary, baseline, maxDrop);
  for (const line of formatRegressions(regressions, maxDrop)) print(line);
  if (regressions.length === 0)
    print(`baseline gate: no headline metric fell more than ${maxDrop} (latency not gated)`);
  return { exitCode: gateExitCode(regressions), report };
}
