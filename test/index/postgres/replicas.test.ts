import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgTestServer, startPgServer } from '../../fakes/pg-server.js';

const TOKEN = 'replica-test-token';

interface Replica {
  name: string;
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Two `src/cli/serve.ts` processes with STORE=postgres on one database: the service as deployed. */
describe('two service replicas on one PostgreSQL database', () => {
  let server: PgTestServer;
  let root: string;
  const running = new Set<Replica>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pg-replicas-'));
    await mkdir(join(root, 'corpus'), { recursive: true });
    await cp('seeds', join(root, 'corpus', 'seeds'), { recursive: true });
    server = await startPgServer();
  }, 60_000);

  afterAll(async () => {
    for (const r of running) await r.stop();
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  /** Starts a replica and resolves once /readyz answers 200 (the index is built or loaded). */
  async function startReplica(name: string): Promise<Replica> {
    const child = spawn('node', ['--import', 'tsx', 'src/cli/serve.ts'], {
      env: {
        ...process.env,
        STORE: 'postgres',
        DATABASE_URL: server.url,
        PG_POOL_MAX: '2',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_TOKEN: TOKEN,
        CORPUS_DIRS: join(root, 'corpus'),
        UPLOAD_DIR: join(root, name, 'uploads'),
        DATA_DIR: join(root, name, 'data'),
        INDEX_DIR: join(root, name, 'index-unused'),
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (d) => stderr.push(String(d)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const replica: Replica = {
      name,
      base: '',
      child,
      async stop() {
        running.delete(replica);
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
    running.add(replica);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${name} exited ${code}: ${stderr.join('')}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { msg: string; port?: number };
        if (entry.msg === 'listening') replica.base = `http://127.0.0.1:${entry.port}`;
        if (entry.msg === 'ready') resolve();
        if (entry.msg === 'index load failed') reject(new Error(`${name}: ${line}`));
      });
    });
    await ready;
    return replica;
  }

  const search = async (r: Replica, q: string) => {
    const res = await fetch(`${r.base}/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { results: { docId: string; text: string }[] };
  };

  let a: Replica;
  let b: Replica;

  it('start together on an empty database: both become ready over one index', async () => {
    [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
    const readyA = await (await fetch(`${a.base}/readyz`)).json();
    const readyB = await (await fetch(`${b.base}/readyz`)).json();
    expect(readyA).toMatchObject({ status: 'ready', documents: 1 });
    expect(readyB).toEqual(readyA);
    const hits = await search(b, '5G基站');
    expect(hits.results[0].text).toContain('5G');
  }, 180_000);

  it('a document uploaded through one replica is found by a search on the other at once', async () => {
    const upload = await fetch(`${a.base}/api/admin/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'replica-note',
        text: '关于水电气联合报装的通知\n水电气联合报装实行一窗受理，三个工作日内办结。',
        meta: { title: '关于水电气联合报装的通知', type: '通知' },
      }),
    });
    expect(upload.status).toBe(201);
    const found = await search(b, '水电气联合报装几天办结');
    expect(found.results[0]).toMatchObject({ docId: 'replica-note' });
    expect(found.results[0].text).toContain('三个工作日');
    const doc = await fetch(`${b.base}/api/documents/replica-note`);
    expect(doc.status).toBe(200);
  }, 60_000);

  it('a replica restart loses nothing; a delete on one is seen by the other', async () => {
    await b.stop();
    b = await startReplica('b');
    expect((await search(b, '水电气联合报装')).results[0]).toMatchObject({ docId: 'replica-note' });

    const del = await fetch(`${b.base}/api/admin/documents/replica-note`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(del.status).toBe(200);
    const after = await search(a, '水电气联合报装');
    expect(after.results.some((r) => r.docId === 'replica-note')).toBe(false);
    expect((await fetch(`${a.base}/api/documents/replica-note`)).status).toBe(404);
  }, 120_000);
});
