/**
 * Recall@k of an approximate result against the exact one, as ann-benchmarks defines it
 * (erikbern/ann-benchmarks, `knn` metric): the share of the k approximate hits whose similarity is
 * at least the exact k-th similarity (less `epsilon`). Unlike comparing labels, this does not count
 * a tie as a miss: short questions give hashed vectors with few features, and many chunks can
 * score exactly the k-th similarity, any of which is a correct k-th neighbour. When the index
 * holds fewer than k vectors, the exact list's length is the denominator. 1 when there is nothing
 * to find.
 */
export function recallAtK(
  approximateScores: readonly number[],
  exactScores: readonly number[],
  k: number,
  epsilon = 1e-6,
): number {
  const n = Math.min(k, exactScores.length);
  if (n === 0) return 1;
  const threshold = exactScores[n - 1] - epsilon;
  let hits = 0;
  for (const s of approximateScores.slice(0, n)) if (s >= threshold) hits += 1;
  return hits / n;
}

/** Recall@k by labels: the share of the exact top-k labels found (stricter: ties count as misses). */
export function labelRecallAtK(approximate: readonly number[], exact: readonly number[], k: number): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const found = new Set(approximate.slice(0, k));
  let hits = 0;
  for (const label of truth) if (found.has(label)) hits += 1;
  return hits / truth.length;
}

/** Mean of per-query values (NaN for none). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
