import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A PostgreSQL server (PGlite + pgvector in this process) on loopback, for tests. */
export interface PgTestServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Connections the socket server multiplexes onto PGlite's single session. */
  maxConnections: number;
  stop(): Promise<void>;
}

export interface StartPgServerOptions {
  /** Directory to keep the database in (a restart on the same dir keeps the data); memory when omitted. */
  dataDir?: string;
  /**
   * Client connections served at once. pglite-socket 0.2.17 multiplexes them onto one PGlite session
   * (queries queued one at a time, a transaction keeps its connection until it ends), default 1.
   */
  maxConnections?: number;
}

/**
 * Starts PGlite 0.5 with the pgvector extension behind pglite-socket on 127.0.0.1 and an
 * OS-chosen port. `stop` closes the socket server and the database it started, nothing else.
 */
export async function startPgServer({
  dataDir,
  maxConnections = 4,
}: StartPgServerOptions = {}): Promise<PgTestServer> {
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.slice(conn.lastIndexOf(':') + 1));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    maxConnections,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
