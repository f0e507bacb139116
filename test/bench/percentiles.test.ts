import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/bench/percentiles.js';
import { percentile } from '../../src/eval/percentile.js';
import { round } from '../../src/eval/summary.js';
import { latencyAt } from '../../src/hardening/load-clients.js';

describe('percentile (nearest rank)', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

  it('returns a sample that was seen, by nearest rank', () => {
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
  });

  it('p95 of 100 samples is the 95th smallest, not the largest', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 95)).toBe(95);
  });

  it('does not reorder the caller’s array', () => {
    const copy = [...samples];
    percentile(samples, 50);
    expect(samples).toEqual(copy);
  });

  it('is NaN for no samples and refuses p outside [0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(samples, 101)).toThrow(RangeError);
    expect(() => percentile(samples, -1)).toThrow(RangeError);
  });

  it('summarise gives p50 and p95 rounded to microseconds', () => {
    expect(summarise([0.12345, 0.5, 0.25])).toEqual({ p50: 0.25, p95: 0.5 });
    expect(round(1.23456, 3)).toBe(1.235);
  });

  it('the load clients read the same rule with p as a fraction, and 0 for no requests', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencyAt(hundred, 0.99)).toBe(percentile(hundred, 99));
    expect(latencyAt(hundred, 0.95)).toBe(95);
    expect(latencyAt([], 0.99)).toBe(0);
  });
});
