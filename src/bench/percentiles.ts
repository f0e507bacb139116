import { percentile } from '../eval/percentile.js';
import { round } from '../eval/summary.js';

/** p50 and p95 of a set of latencies, in the unit they were given (the bench uses milliseconds). */
export interface LatencySummary {
  p50: number;
  p95: number;
}

/** p50 and p95, rounded to 3 decimals (microseconds when the unit is ms). */
export function summarise(samples: readonly number[]): LatencySummary {
  return { p50: round(percentile(samples, 50), 3), p95: round(percentile(samples, 95), 3) };
}
