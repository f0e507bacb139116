/**
 * Postings of one term: document ordinals in ascending order with their term frequencies.
 * Typed arrays with doubling capacity; a loaded list starts as a view into the file buffer and is
 * copied only when it grows.
 */
export class PostingList {
  ordinals: Uint32Array;
  tfs: Uint32Array;
  length: number;

  constructor(ordinals: Uint32Array = new Uint32Array(4), tfs: Uint32Array = new Uint32Array(4), length = 0) {
    this.ordinals = ordinals;
    this.tfs = tfs;
    this.length = length;
  }

  /** Appends a posting; ordinals are assigned in increasing order, so the list stays sorted. */
  push(ordinal: number, tf: number): void {
    const n = this.length;
    if (n > 0 && this.ordinals[n - 1] >= ordinal) {
      this.insertSorted(ordinal, tf);
      return;
    }
    if (n === this.ordinals.length) this.grow();
    this.ordinals[n] = ordinal;
    this.tfs[n] = tf;
    this.length = n + 1;
  }

  /** Removes the posting of `ordinal`; returns whether it was there. */
  remove(ordinal: number): boolean {
    const i = this.indexOf(ordinal);
    if (i < 0) return false;
    this.ordinals.copyWithin(i, i + 1, this.length);
    this.tfs.copyWithin(i, i + 1, this.length);
    this.length -= 1;
    return true;
  }

  /** Term frequency of `ordinal`, 0 when absent (binary search). */
  tfOf(ordinal: number): number {
    const i = this.indexOf(ordinal);
    return i < 0 ? 0 : this.tfs[i];
  }

  private indexOf(ordinal: number): number {
    let lo = 0;
    let hi = this.length - 1;
    const ords = this.ordinals;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ords[mid];
      if (v === ordinal) return mid;
      if (v < ordinal) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private insertSorted(ordinal: number, tf: number): void {
    const existing = this.indexOf(ordinal);
    if (existing >= 0) {
      this.tfs[existing] = tf;
      return;
    }
    if (this.length === this.ordinals.length) this.grow();
    let i = this.length;
    while (i > 0 && this.ordinals[i - 1] > ordinal) {
      this.ordinals[i] = this.ordinals[i - 1];
      this.tfs[i] = this.tfs[i - 1];
      i -= 1;
    }
    this.ordinals[i] = ordinal;
    this.tfs[i] = tf;
    this.length += 1;
  }

  private grow(): void {
    const capacity = Math.max(4, this.ordinals.length * 2);
    const ords = new Uint32Array(capacity);
    ords.set(this.ordinals.subarray(0, this.length));
    const tfs = new Uint32Array(capacity);
    tfs.set(this.tfs.subarray(0, this.length));
    this.ordinals = ords;
    this.tfs = tfs;
  }
}
