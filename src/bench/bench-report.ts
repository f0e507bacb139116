import type { LatencySummary } from './percentiles.js';

/**
 * What `npm run bench` writes. The keys of the issue's contract (REQUIRED_KEYS) are what tools read;
 * every other field is extra detail beside them.
 */
export interface BenchReport {
  corpus: { documents: number; chunks: number; megabytes: number; fraction?: number };
  ingest: {
    /** Wall seconds from the start of loading to the flushed index. */
    seconds: number;
    /** Seconds per stage. Stages that overlap (worker threads) can sum to more than `seconds`. */
    stages: {
      load: number;
      tokenize: number;
      embed: number;
      hnsw: number;
      bm25: number;
      write: number;
    } & Record<string, number>;
    /** CPU seconds of the whole process (all threads) during ingest. */
    cpuSeconds?: number;
    /** Whether worker threads were used. */
    parallel?: boolean;
  };
  index: {
    bytesOnDisk: number;
    /** Seconds for a fresh process to open the index (buildAssistant over an existing index). */
    coldLoadSeconds: number;
    /** That process's resident set after loading and answering one question (jieba loaded). */
    rssMegabytes: number;
    /** Seconds from opening the index to the first answered question (jieba's dictionary load). */
    coldFirstAnswerSeconds?: number;
    /** Which store held the index: 'local' (bytesOnDisk = the index directory) or 'postgres' (the database size). */
    store?: string;
  };
  query: {
    bm25: LatencySummary;
    vector: LatencySummary;
    hybrid: LatencySummary;
    /** Hybrid retrieval plus the offline (extractive) answer: what /api/ask does per question. */
    answer: LatencySummary;
    questions?: number;
  };
  hnsw: {
    recallAt10: number;
    /** Exact scan time ÷ HNSW search time, same queries, same vectors, same run. */
    speedupVsExact: number;
    /** Recall counting ties with the 10th exact neighbour as misses. */
    labelRecallAt10?: number;
    hnswMs?: LatencySummary;
    exactMs?: LatencySummary;
    params?: Record<string, number>;
    /** The same graph searched with other `ef` values: recall and speed-up for each. */
    sweep?: { ef: number; recallAt10: number; meanMs: number; speedupVsExact: number }[];
  };
  http: {
    searchRps: number;
    searchP95Ms: number;
    askRps: number;
    askP95Ms: number;
    seconds?: number;
    connections?: number;
    searchErrors?: number;
    askErrors?: number;
  };
  naive: {
    ingestSeconds: number;
    /** p95 of the naive retrieval (embed query + exact cosine over its chunks), comparable to query.vector. */
    queryP95Ms: number;
    chunks?: number;
    answerP95Ms?: number;
  };
  machine?: Record<string, unknown>;
}

/** The issue's contract: these dotted paths must exist and be numbers. */
export const REQUIRED_KEYS: readonly string[] = [
  'corpus.documents',
  'corpus.chunks',
  'corpus.megabytes',
  'ingest.seconds',
  'ingest.stages.load',
  'ingest.stages.tokenize',
  'ingest.stages.embed',
  'ingest.stages.hnsw',
  'ingest.stages.bm25',
  'ingest.stages.write',
  'index.bytesOnDisk',
  'index.coldLoadSeconds',
  'index.rssMegabytes',
  'query.bm25.p50',
  'query.bm25.p95',
  'query.vector.p50',
  'query.vector.p95',
  'query.hybrid.p50',
  'query.hybrid.p95',
  'query.answer.p50',
  'query.answer.p95',
  'hnsw.recallAt10',
  'hnsw.speedupVsExact',
  'http.searchRps',
  'http.searchP95Ms',
  'http.askRps',
  'http.askP95Ms',
  'naive.ingestSeconds',
  'naive.queryP95Ms',
];

/** Required paths that are missing or not finite numbers (empty when the report is complete). */
export function missingKeys(report: unknown): string[] {
  return REQUIRED_KEYS.filter((path) => {
    let node: unknown = report;
    for (const part of path.split('.')) {
      if (typeof node !== 'object' || node === null) return true;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node !== 'number' || !Number.isFinite(node);
  });
}

/** A target of the issue for the full corpus: `value` passes when it stands `at` the `limit`. */
interface Target {
  label: string;
  value: (r: BenchReport) => number;
  unit: string;
  at: '≤' | '<' | '≥';
  limit: number;
}

/** Whether `v` meets the target: one comparison per relation, shown in the table as written. */
function meets({ at, limit }: Target, v: number): boolean {
  return at === '≤' ? v <= limit : at === '<' ? v < limit : v >= limit;
}

/** The issue's targets for the full corpus on the 2-core machine. */
export const TARGETS: readonly Target[] = [
  { label: 'ingest', value: (r) => r.ingest.seconds, unit: 's', at: '≤', limit: 120 },
  { label: 'cold load', value: (r) => r.index.coldLoadSeconds, unit: 's', at: '≤', limit: 3 },
  { label: 'RSS', value: (r) => r.index.rssMegabytes, unit: 'MB', at: '≤', limit: 1536 },
  { label: 'hybrid p95', value: (r) => r.query.hybrid.p95, unit: 'ms', at: '≤', limit: 20 },
  { label: 'answer p95', value: (r) => r.query.answer.p95, unit: 'ms', at: '≤', limit: 50 },
  { label: 'HNSW recall@10', value: (r) => r.hnsw.recallAt10, unit: '', at: '≥', limit: 0.98 },
  { label: 'HNSW speed-up vs exact', value: (r) => r.hnsw.speedupVsExact, unit: '×', at: '≥', limit: 50 },
  { label: '/api/search', value: (r) => r.http.searchRps, unit: 'req/s', at: '≥', limit: 1000 },
  { label: '/api/search p95', value: (r) => r.http.searchP95Ms, unit: 'ms', at: '<', limit: 50 },
];

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(3).replace(/\.?0+$/, '') || '0';
}

/** The terminal table: the figures, then the targets with ok/MISS. */
export function formatReport(r: BenchReport): string {
  const s = r.ingest.stages;
  const q = r.query;
  const lines = [
    `corpus        ${r.corpus.documents} documents, ${r.corpus.chunks} chunks, ${fmt(r.corpus.megabytes)} MB`,
    `ingest        ${fmt(r.ingest.seconds)} s  (load ${fmt(s.load)}  tokenize ${fmt(s.tokenize)}  embed ${fmt(s.embed)}  hnsw ${fmt(s.hnsw)}  bm25 ${fmt(s.bm25)}  write ${fmt(s.write)})`,
    `index         ${fmt(r.index.bytesOnDisk / 2 ** 20)} MB on disk, cold load ${fmt(r.index.coldLoadSeconds)} s, RSS ${fmt(r.index.rssMegabytes)} MB`,
    '',
    'query (ms)        p50       p95',
    ...(['bm25', 'vector', 'hybrid', 'answer'] as const).map(
      (m) => `  ${m.padEnd(12)}${fmt(q[m].p50).padStart(8)}  ${fmt(q[m].p95).padStart(8)}`,
    ),
    `  ${'naive'.padEnd(12)}${''.padStart(8)}  ${fmt(r.naive.queryP95Ms).padStart(8)}   (naive ingest ${fmt(r.naive.ingestSeconds)} s)`,
    '',
    `hnsw          recall@10 ${fmt(r.hnsw.recallAt10)}, ${fmt(r.hnsw.speedupVsExact)}× faster than exact`,
    ...(r.hnsw.sweep ?? []).map(
      (p) =>
        `  ef ${String(p.ef).padEnd(5)} recall@10 ${fmt(p.recallAt10).padEnd(6)} ${fmt(p.meanMs)} ms  ${fmt(p.speedupVsExact)}×`,
    ),
    `http          /api/search ${fmt(r.http.searchRps)} req/s p95 ${fmt(r.http.searchP95Ms)} ms; /api/ask ${fmt(r.http.askRps)} req/s p95 ${fmt(r.http.askP95Ms)} ms`,
    '',
    'targets (full corpus)',
    ...TARGETS.map((t) => {
      const v = t.value(r);
      return `  ${t.label.padEnd(24)}${`${fmt(v)} ${t.unit}`.padStart(14)}  ${`${t.at} ${t.limit}`.padEnd(8)} ${meets(t, v) ? 'ok' : 'MISS'}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
