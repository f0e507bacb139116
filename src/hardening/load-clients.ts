/**
 * A closed-loop load generator for the service's public routes: `clients` concurrent loops, each
 * sending one request at a time (search, JSON ask, or streamed ask read to its `done` event) until
 * the time is up. Latencies are kept per kind; every non-2xx status and network error is counted.
 */

import { percentile } from '../eval/percentile.js';

export type RequestKind = 'search' | 'ask' | 'stream';

export interface LoadOptions {
  /** Service base URL, e.g. http://127.0.0.1:8787 */
  base: string;
  /** Concurrent clients (one request in flight each). */
  clients: number;
  durationMs: number;
  /** Questions and queries, used in turn. */
  questions: string[];
  /** Share of each kind, e.g. { search: 0.4, ask: 0.3, stream: 0.3 }. */
  mix?: Record<RequestKind, number>;
}

export interface KindStats {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Responses by status code (0 = network error). */
  statuses: Record<string, number>;
  serverErrors: number;
  /** Network errors and streams that ended without `done` (or with an `error` event). */
  failures: number;
  firstFailures: string[];
  overall: KindStats;
  byKind: Record<RequestKind, KindStats>;
}

const DEFAULT_MIX: Record<RequestKind, number> = { search: 0.4, ask: 0.3, stream: 0.3 };

/** Nearest-rank percentile of latencies (p as a fraction, 0..1); 0 when there were none. */
export function latencyAt(values: readonly number[], p: number): number {
  return values.length === 0 ? 0 : percentile(values, p * 100);
}

/** Count, nearest-rank p50/p95/p99 and maximum of latencies in ms, to 0.1 ms. */
export function latencyStats(values: readonly number[]): KindStats {
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: values.length,
    p50Ms: round(latencyAt(values, 0.5)),
    p95Ms: round(latencyAt(values, 0.95)),
    p99Ms: round(latencyAt(values, 0.99)),
    maxMs: round(values.reduce((m, v) => Math.max(m, v), 0)),
  };
}

/** The kind of the i-th request of a client: a deterministic walk through the mix. */
function kindAt(i: number, mix: Record<RequestKind, number>): RequestKind {
  const total = mix.search + mix.ask + mix.stream;
  const x = ((i * 0.618034) % 1) * total; // golden-ratio steps spread kinds evenly over time
  if (x < mix.search) return 'search';
  return x < mix.search + mix.ask ? 'ask' : 'stream';
}

async function once(
  base: string,
  kind: RequestKind,
  question: string,
): Promise<{ status: number; ok: boolean; note?: string }> {
  if (kind === 'search') {
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent(question)}&k=5`);
    await res.arrayBuffer();
    return { status: res.status, ok: res.ok };
  }
  const res = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(kind === 'stream' ? { accept: 'text/event-stream' } : {}),
    },
    body: JSON.stringify({ question }),
  });
  const text = await res.text();
  if (kind === 'ask' || !res.ok)
    return { status: res.status, ok: res.ok, note: res.ok ? undefined : text.slice(0, 200) };
  const complete = /(^|\n)event: done\n/.test(text) && !/(^|\n)event: error\n/.test(text);
  return {
    status: res.status,
    ok: complete,
    note: complete ? undefined : `stream without done: ${text.slice(-200)}`,
  };
}

export async function runLoad({
  base,
  clients,
  durationMs,
  questions,
  mix = DEFAULT_MIX,
}: LoadOptions): Promise<LoadResult> {
  const latencies: Record<RequestKind, number[]> = { search: [], ask: [], stream: [] };
  const statuses: Record<string, number> = {};
  const firstFailures: string[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + durationMs;

  const client = async (c: number) => {
    for (let i = c; performance.now() < end; i += clients) {
      const kind = kindAt(i, mix);
      const question = questions[i % questions.length];
      const t = performance.now();
      let outcome: { status: number; ok: boolean; note?: string };
      try {
        outcome = await once(base, kind, question);
      } catch (err) {
        outcome = { status: 0, ok: false, note: err instanceof Error ? err.message : String(err) };
      }
      latencies[kind].push(performance.now() - t);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (!outcome.ok) {
        failures++;
        if (firstFailures.length < 5) firstFailures.push(`${kind} ${outcome.status} ${outcome.note ?? ''}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  const all = [...latencies.search, ...latencies.ask, ...latencies.stream];
  const serverErrors = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, v]) => n + v, 0);
  return {
    requests: all.length,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(all.length / seconds),
    statuses,
    serverErrors,
    failures,
    firstFailures,
    overall: latencyStats(all),
    byKind: {
      search: latencyStats(latencies.search),
      ask: latencyStats(latencies.ask),
      stream: latencyStats(latencies.stream),
    },
  };
}
