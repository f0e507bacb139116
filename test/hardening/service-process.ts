import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** `npm start` (src/cli/serve.ts) as a real process, with everything it prints kept. */
export interface ServiceProcess {
  child: ChildProcess;
  base: string;
  /** stdout and stderr so far, in arrival order. */
  output(): string;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<void>;
}

/** The port of the service's "listening" log line, once it has been printed whole. */
function listeningPort(out: string): number | undefined {
  for (const line of out.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"listening"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening') return entry.port;
    } catch {
      // a line still being written
    }
  }
  return undefined;
}

/** Starts the service with exactly `env` (plus PATH) and waits until /readyz answers 200. */
export async function startServiceProcess(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  let base = '';
  while (!base) {
    const port = listeningPort(out);
    if (port) base = `http://127.0.0.1:${port}`;
    else if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`service did not start:\n${out}`);
    else await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    const ready = await fetch(`${base}/readyz`).catch(() => undefined);
    if (ready?.status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`service not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
