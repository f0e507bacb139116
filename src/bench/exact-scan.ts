/** A vector hit of the exact scan: label and cosine similarity. */
export interface ScanHit {
  label: number;
  score: number;
}

/**
 * Brute-force cosine top-k over unit-length rows packed in one Float32Array: the baseline HNSW
 * is compared with. A tight loop with a small sorted top list, no per-row allocation, so the
 * speed-up reported against it is against a fair exact scan rather than a slow one.
 */
export class ExactScan {
  readonly dimensions: number;
  readonly labels: Int32Array;
  private readonly rows: Float32Array;

  constructor(dimensions: number, entries: Iterable<{ label: number; vector: ArrayLike<number> }>) {
    this.dimensions = dimensions;
    const labels: number[] = [];
    const vectors: ArrayLike<number>[] = [];
    for (const e of entries) {
      labels.push(e.label);
      vectors.push(e.vector);
    }
    this.labels = Int32Array.from(labels);
    this.rows = new Float32Array(labels.length * dimensions);
    vectors.forEach((v, i) => {
      this.rows.set(unit(v), i * dimensions);
    });
  }

  search(query: ArrayLike<number>, k: number): ScanHit[] {
    const q = unit(query);
    const d = this.dimensions;
    const top: ScanHit[] = [];
    for (let r = 0; r < this.labels.length; r += 1) {
      const base = r * d;
      let dot = 0;
      for (let j = 0; j < d; j += 1) dot += this.rows[base + j] * q[j];
      if (top.length < k || dot > top[top.length - 1].score) {
        let i = top.length < k ? top.length : k - 1;
        if (top.length < k) top.push({ label: 0, score: 0 });
        while (i > 0 && top[i - 1].score < dot) {
          top[i] = top[i - 1];
          i -= 1;
        }
        top[i] = { label: this.labels[r], score: dot };
      }
    }
    return top;
  }
}

function unit(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let s = 0;
  for (let i = 0; i < out.length; i += 1) s += out[i] * out[i];
  const scale = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < out.length; i += 1) out[i] *= scale;
  return out;
}
