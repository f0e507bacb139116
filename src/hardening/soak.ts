import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startService } from '../app/start-service.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log/logger.js';
import { type LoadResult, runLoad } from './load-clients.js';

/**
 * A bounded soak on loopback: the real service (index built from seeds/ in a temp dir, offline
 * extractive answers, rate limits off) in this process, `clients` concurrent clients mixing search,
 * ask and streamed ask for `durationMs`. Reports status counts, latency percentiles and memory
 * (RSS and V8 heap, after a forced GC) before, at peak and after. Passes when there is no 5xx, no
 * failed request, and memory after the load is within the bounds below of the baseline.
 *
 *   node --import tsx src/hardening/soak.ts [--duration 60] [--clients 100]
 */

/** Heap growth allowed after the load and a GC: caches (conversations, bundles) settle, leaks don't. */
export const HEAP_SLACK_MB = 24;
/** RSS growth allowed after the load: the allocator keeps some freed pages; 100 clients' buffers. */
export const RSS_SLACK_MB = 96;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const QUESTIONS = [
  '2025年青岛5G基站要建多少个？',
  '“无证明机关”要建成多少个？',
  '数字青岛2025年有哪些重点任务？',
  '智能算力占比要达到多少？',
  '青岛数字经济核心产业增加值目标',
  '公租房怎么申请？',
  '一件事一次办',
  '灵活就业人员养老保险补贴',
];

export interface MemoryFigures {
  rssMb: number;
  heapMb: number;
}

export interface SoakReport {
  clients: number;
  load: LoadResult;
  baseline: MemoryFigures;
  peakRssMb: number;
  after: MemoryFigures;
  pass: boolean;
  problems: string[];
}

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return gc;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function settledMemory(gc: () => void): Promise<MemoryFigures> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed) };
}

export async function runSoak({
  durationMs = 60_000,
  clients = 100,
}: {
  durationMs?: number;
  clients?: number;
} = {}): Promise<SoakReport> {
  const gc = collector();
  const tmp = await mkdtemp(join(tmpdir(), 'soak-'));
  const config = loadConfig({
    PORT: '0',
    INDEX_DIR: join(tmp, 'index'),
    DATA_DIR: join(tmp, 'data'),
    UPLOAD_DIR: join(tmp, 'uploads'),
    CORPUS_DIRS: join(ROOT, 'seeds'),
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const service = await startService(
    config,
    createLogger({ level: 'error', sink: (l) => process.stderr.write(`${l}\n`) }),
  );
  try {
    await service.ready;
    const { port } = service.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    // Warm-up: JIT, connection pools, lazily built caches are part of the baseline, not growth.
    await runLoad({ base, clients, durationMs: Math.min(2000, durationMs / 4), questions: QUESTIONS });
    const baseline = await settledMemory(gc);
    let peak = baseline.rssMb;
    const sampler = setInterval(() => {
      peak = Math.max(peak, mb(process.memoryUsage().rss));
    }, 250);
    const load = await runLoad({ base, clients, durationMs, questions: QUESTIONS });
    clearInterval(sampler);
    const after = await settledMemory(gc);
    const problems: string[] = [];
    if (load.serverErrors > 0) problems.push(`${load.serverErrors} responses were 5xx`);
    if (load.failures > 0)
      problems.push(`${load.failures} requests failed: ${load.firstFailures.join(' | ')}`);
    if (after.heapMb > baseline.heapMb + HEAP_SLACK_MB)
      problems.push(`heap ${after.heapMb} MB after vs ${baseline.heapMb} MB before (slack ${HEAP_SLACK_MB})`);
    if (after.rssMb > baseline.rssMb + RSS_SLACK_MB)
      problems.push(`RSS ${after.rssMb} MB after vs ${baseline.rssMb} MB before (slack ${RSS_SLACK_MB})`);
    return { clients, load, baseline, peakRssMb: peak, after, pass: problems.length === 0, problems };
  } finally {
    await service.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

export function formatSoakReport(r: SoakReport): string {
  const k = r.load.byKind;
  const row = (name: string, s: LoadResult['overall']) =>
    `  ${name.padEnd(8)} ${String(s.count).padStart(7)}  p50 ${s.p50Ms} ms  p95 ${s.p95Ms} ms  p99 ${s.p99Ms} ms  max ${s.maxMs} ms`;
  return [
    `soak: ${r.clients} clients for ${r.load.seconds} s — ${r.load.requests} requests (${r.load.perSecond}/s)`,
    `statuses: ${JSON.stringify(r.load.statuses)}   5xx: ${r.load.serverErrors}   failed: ${r.load.failures}`,
    row('all', r.load.overall),
    row('search', k.search),
    row('ask', k.ask),
    row('stream', k.stream),
    `memory: RSS ${r.baseline.rssMb} MB before → peak ${r.peakRssMb} MB → ${r.after.rssMb} MB after; heap ${r.baseline.heapMb} → ${r.after.heapMb} MB (after GC)`,
    r.pass ? 'PASS' : `FAIL: ${r.problems.join('; ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '60' }, clients: { type: 'string', default: '100' } },
  });
  const durationMs = Number(values.duration) * 1000;
  const clients = Number(values.clients);
  if (!(durationMs > 0) || !(clients > 0)) {
    process.stderr.write(
      'usage: node --import tsx src/hardening/soak.ts [--duration SECONDS] [--clients N]\n',
    );
    process.exit(2);
  }
  const report = await runSoak({ durationMs, clients });
  process.stdout.write(`${formatSoakReport(report)}\n`);
  process.exit(report.pass ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
