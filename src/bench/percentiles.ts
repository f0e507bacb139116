/** p50 and p95 of a set of latencies, in the unit they were given (the bench uses milliseconds). */
export interface LatencySummary {
  p50: number;
  p95: number;
}

/**
 * The `p`-th percentile (0–100) by the nearest-rank method: the smallest sample with at least
 * p % of the samples at or below it. Nearest rank never invents a value between two samples, so a
 * reported p95 is a latency some request really had. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p))
    throw new RangeError(`percentile: p must be in [0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** p50 and p95, rounded to 3 decimals (microseconds when the unit is ms). */
export function summarise(samples: readonly number[]): LatencySummary {
  return { p50: round(percentile(samples, 50), 3), p95: round(percentile(samples, 95), 3) };
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
