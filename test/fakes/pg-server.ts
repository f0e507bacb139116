import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

/** A PostgreSQL server (PGlite + pgvector in this process) on loopback, for tests. */
export interface PgTestServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Client connections open now. */
  connections(): number;
  stop(): Promise<void>;
}

export interface StartPgServerOptions {
  /** Directory to keep the database in (a restart on the same dir keeps the data); memory when omitted. */
  dataDir?: string;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/**
 * Starts PGlite 0.5 with pgvector behind a wire-protocol server on 127.0.0.1 and an OS-chosen port.
 * `stop` closes the server, the connections and the database it started, nothing else.
 *
 * Why not `PGLiteSocketServer` (@electric-sql/pglite-socket 0.2.17): measured here, its default
 * `maxConnections: 1` resets every further connection (ECONNRESET), and with more it queues single
 * protocol messages from all connections in one FIFO, so two clients' Parse/Bind/Execute interleave
 * on PGlite's one session ("unnamed prepared statement does not exist"). This server queues whole
 * batches (up to Sync or a simple Query) and lets a connection keep the session while its
 * transaction is open, which is how N `pg` pools can share one PGlite. Concurrency is still one
 * statement at a time: a real PostgreSQL runs them in parallel.
 */
export async function startPgServer({ dataDir }: StartPgServerOptions = {}): Promise<PgTestServer> {
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  const session = new SessionLock();
  const sockets = new Set<Socket>();
  let nextId = 1;

  const server: Server = createServer((socket) => {
    const id = nextId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let batch: Buffer[] = [];
    let chain = Promise.resolve();

    const run = async (messages: Buffer[]) => {
      await session.acquire(id);
      try {
        for (const m of messages) {
          await db.runExclusive(() =>
            db.execProtocolRawStream(new Uint8Array(m), {
              onRawData: (data) => {
                if (socket.writable) socket.write(Buffer.from(data));
              },
            }),
          );
        }
      } finally {
        if (!db.isInTransaction()) session.release(id);
      }
    };
    const closeSession = async () => {
      sockets.delete(socket);
      if (!session.heldBy(id)) return;
      if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
      session.release(id);
    };

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) socket.write('N');
          else if (code === CANCEL_REQUEST) socket.end();
          else if (code === PROTOCOL_3) {
            started = true;
            chain = chain
              .then(() => run([message]))
              .catch(() => {
                socket.destroy();
              });
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        const type = String.fromCharCode(message[0]);
        if (type === 'X') {
          socket.end();
          continue;
        }
        batch.push(message);
        // Sync ends an extended-protocol batch; Query is a batch by itself.
        if (type === 'S' || type === 'Q') {
          const messages = batch;
          batch = [];
          chain = chain
            .then(() => run(messages))
            .catch(() => {
              socket.destroy();
            });
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      chain = chain.then(closeSession, closeSession);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    connections: () => sockets.size,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** PGlite has one session: one connection uses it at a time, and keeps it through a transaction. */
class SessionLock {
  private holder: number | undefined;
  private waiters: (() => void)[] = [];

  heldBy(id: number): boolean {
    return this.holder === id;
  }

  async acquire(id: number): Promise<void> {
    while (this.holder !== undefined && this.holder !== id) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.holder = id;
  }

  release(id: number): void {
    if (this.holder !== id) return;
    this.holder = undefined;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
