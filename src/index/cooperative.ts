/**
 * Long synchronous work written once as a generator of steps, run two ways: at once (a CLI, a
 * worker thread, a test) or sliced, giving the event loop a turn whenever a slice has run for
 * `SLICE_MS` (the service: a flush of a large index serialised in one go held the loop ~0.5 s for
 * a 150-document index plus one 8 MB upload, measured 2026-11-30, and grows with the index).
 * A step is whatever the generator `yield`s; its value is ignored.
 */

/**
 * Longest slice, ms, before the loop gets a turn: a fifth of the issue 14 bound for /healthz
 * (100 ms), so that a probe waits at most about this long behind a slice. Checking the clock costs
 * ~50 ns per step, so steps can be small (a document, a thousand terms).
 */
export const SLICE_MS = 20;

/** Runs `steps` to the end without yielding; returns its result. */
export function runAtOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs `steps` to the end, yielding to the event loop (setImmediate) after each `budgetMs` of work. */
export async function runSliced<T>(steps: Generator<unknown, T>, budgetMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
