import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SoakServiceReady, SoakServiceReply, SoakServiceRequest } from './soak-service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./soak-service.ts', import.meta.url));
/** A first build of seeds/ plus the soak's folder takes seconds; this bounds a service that hangs. */
const READY_TIMEOUT_MS = 120_000;

/** The soak's service process: its port, a question to it (`soak-service.ts`), and a stop. */
export interface SoakService {
  port: number;
  pid: number;
  ask(op: SoakServiceRequest['op']): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts `soak-service.ts` with `env` (besides PATH) and waits until its index is loaded. */
export async function startSoakService(env: Record<string, string>): Promise<SoakService> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`soak service not ready:\n${stderr}`)), READY_TIMEOUT_MS);
    child.on('message', (m: SoakServiceReady | SoakServiceReply) => {
      if ('ready' in m) {
        clearTimeout(timer);
        resolve(m.port);
        return;
      }
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.result);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const err = new Error(`soak service exited ${code}:\n${stderr}`);
      reject(err);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    });
  });
  return {
    port,
    pid: child.pid ?? 0,
    ask: (op) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        child.send({ id, op } satisfies SoakServiceRequest);
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      // A service that does not close within 10 s is killed: the soak must end.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
