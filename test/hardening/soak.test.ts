import { describe, expect, it } from 'vitest';
import { runSoak } from '../../src/hardening/soak.js';
import { formatSoakReport } from '../../src/hardening/soak-report.js';

/**
 * The short soak run by `npm test`: 20 clients for 5 s against the real service over loopback.
 * The long one (60 s, 100 clients) is `node --import tsx src/hardening/soak.ts`.
 */
describe('soak (short)', () => {
  it('serves a mix of search, ask and streamed ask with zero 5xx, and memory returns near its baseline', async () => {
    const report = await runSoak({ durationMs: 5000, clients: 20 });
    process.stdout.write(`${formatSoakReport(report)}\n`);
    expect(report.load.serverErrors).toBe(0);
    expect(report.load.failures).toBe(0);
    expect(report.load.byKind.search.count).toBeGreaterThan(0);
    expect(report.load.byKind.ask.count).toBeGreaterThan(0);
    expect(report.load.byKind.stream.count).toBeGreaterThan(0);
    expect(report.load.overall.p95Ms).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
    expect(report.pass).toBe(true);
  }, 120_000);
});
