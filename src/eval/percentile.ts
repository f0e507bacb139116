/**
 * The `p`-th percentile (0–100) by the nearest-rank method: the smallest sample with at least
 * p % of the samples at or below it. Nearest rank never invents a value between two samples, so a
 * reported p95 is a latency some request really had. NaN for no samples. The one percentile rule of
 * the evaluation, the benchmarks and the hardening scripts.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p))
    throw new RangeError(`percentile: p must be in [0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
