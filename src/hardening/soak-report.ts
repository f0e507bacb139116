import type { LoadResult } from './load-clients.js';
import type { MemoryFigures } from './soak-memory.js';
import type { WriteActivity } from './soak-writers.js';

export interface SoakReport {
  clients: number;
  load: LoadResult;
  baseline: MemoryFigures;
  peakRssMb: number;
  after: MemoryFigures;
  /** Event-loop delay during the load, ms: a blocked loop shows here, queueing does not. */
  eventLoop: { p99Ms: number; maxMs: number };
  writes?: WriteActivity;
  pass: boolean;
  problems: string[];
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
    `event loop delay: p99 ${r.eventLoop.p99Ms} ms, max ${r.eventLoop.maxMs} ms   (closed loop: mean latency ≈ clients / throughput = ${Math.round((r.clients / Math.max(1, r.load.perSecond)) * 1000)} ms)`,
    ...(r.writes
      ? [
          `writes: ${r.writes.uploads} uploads ${JSON.stringify(r.writes.uploadStatuses)}; ingest added ${r.writes.ingestAdded ?? '-'} (exit ${r.writes.ingestExit}); documents expected ${r.writes.expected}, served ${r.writes.served}, on disk ${r.writes.onDisk}`,
        ]
      : []),
    `memory: RSS ${r.baseline.rssMb} MB before → peak ${r.peakRssMb} MB → ${r.after.rssMb} MB after; heap ${r.baseline.heapMb} → ${r.after.heapMb} MB (after GC)`,
    r.pass ? 'PASS' : `FAIL: ${r.problems.join('; ')}`,
  ].join('\n');
}
