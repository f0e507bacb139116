import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startService } from '../app/start-service.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log/logger.js';
import { collector, mb, settledMemory } from './soak-memory.js';

/**
 * The service the soak loads, as a process of its own (started by `soak.ts` with an IPC channel):
 * the real `startService` on the configuration in its environment, plus the few questions only the
 * process itself can answer — its memory after a forced collection, its peak RSS, the delay of its
 * own event loop, how many documents it serves. With the clients in the same process as the
 * service, the clients' own work shared the service's loop: at 100 clients a few requests waited
 * 10–16 s while the service had handled every request in under 1 s (measured 2026-11-30 with the
 * service's request log), and throughput was half of what the service gives on its own.
 */

/** A question from the soak, and the answer sent back with the same id. */
export type SoakServiceRequest = {
  id: number;
  op: 'memory' | 'loop-start' | 'loop-stop' | 'documents' | 'refresh';
};
export type SoakServiceReply = { id: number; result?: unknown; error?: string };
/** Sent once the index is loaded and the service answers. */
export type SoakServiceReady = { ready: true; port: number };

/** How often peak RSS is sampled, ms. */
const PEAK_SAMPLE_MS = 250;

async function main(): Promise<void> {
  const send = (message: SoakServiceReady | SoakServiceReply) => process.send?.(message);
  const gc = collector();
  const config = loadConfig(process.env);
  const service = await startService(
    config,
    createLogger({ level: 'error', sink: (l) => process.stderr.write(`${l}\n`) }),
  );
  await service.ready;
  let peakRssMb = 0;
  setInterval(() => {
    peakRssMb = Math.max(peakRssMb, mb(process.memoryUsage().rss));
  }, PEAK_SAMPLE_MS).unref();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const ops: Record<SoakServiceRequest['op'], () => Promise<unknown> | unknown> = {
    memory: async () => ({ ...(await settledMemory(gc)), peakRssMb }),
    'loop-start': () => {
      peakRssMb = mb(process.memoryUsage().rss);
      delay.reset();
      delay.enable();
      return true;
    },
    'loop-stop': () => {
      delay.disable();
      return { p99Ms: Math.round(delay.percentile(99) / 1e5) / 10, maxMs: Math.round(delay.max / 1e5) / 10 };
    },
    documents: async () => (await service.state.require().assistant.store.stats()).documents,
    refresh: async () => {
      await service.state.refresh();
      return true;
    },
  };
  process.on('message', (message: SoakServiceRequest) => {
    Promise.resolve()
      .then(() => ops[message.op]())
      .then(
        (result) => send({ id: message.id, result }),
        (err: unknown) => send({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
      );
  });
  // The soak ends the process by closing the channel.
  process.on('disconnect', () => {
    void service.close().finally(() => process.exit(0));
  });
  const { port } = service.server.address() as { port: number };
  send({ ready: true, port });
}

main().catch((err: unknown) => {
  process.stderr.write(
    `soak service failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
