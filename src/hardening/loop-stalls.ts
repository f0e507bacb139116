import { isMainThread } from 'node:worker_threads';

/**
 * A diagnostic preload for measurements (`node --import ./src/hardening/loop-stalls.ts …`, added by
 * `responsiveness.ts`): a timer due every `TICK_MS` notices when it fires late, i.e. when the main
 * thread's event loop was held, and writes one JSON line to stderr per stall of `STALL_MS` or more:
 * `{"loopStall":ms,"endUs":t}` with `t` on the monotonic clock that V8 CPU profiles use, so
 * `long-tasks.ts --stalls` can name the functions that ran during it. Worker threads are left alone
 * (they do not hold the loop).
 */

/** Timer period, ms: fine enough to place a 100 ms stall, cheap enough to leave running. */
const TICK_MS = 10;
/** Shortest stall reported, ms: half the issue 14 bound for /healthz (100 ms). */
const STALL_MS = 50;

if (isMainThread) {
  let last = process.hrtime.bigint();
  const timer = setInterval(() => {
    const now = process.hrtime.bigint();
    const late = Number(now - last) / 1e6 - TICK_MS;
    last = now;
    if (late >= STALL_MS) {
      process.stderr.write(
        `${JSON.stringify({ loopStall: Math.round(late), endUs: Number(now / 1000n) })}\n`,
      );
    }
  }, TICK_MS);
  timer.unref();
}
