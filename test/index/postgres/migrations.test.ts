import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../../src/index/postgres/migrations.js';
import { createPgPool } from '../../../src/index/postgres/pg-pool.js';
import { type PgTestServer, startPgServer } from '../../fakes/pg-server.js';

describe('migrations', () => {
  let server: PgTestServer;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = createPgPool({ url: server.url, max: 2 });
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    server = await startPgServer();
  }, 60_000);
  afterAll(async () => {
    for (const p of pools) await p.end();
    await server?.stop();
  });

  const tables = async (p: pg.Pool) =>
    (
      await p.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);

  it('from an empty database: applies every step and records it', async () => {
    const p = pool();
    expect(await tables(p)).toEqual([]);
    expect(await runMigrations(p)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(p)).toEqual([
      'chunks',
      'documents',
      'index_meta',
      'index_stats',
      'schema_migrations',
      'term_df',
    ]);
    const ext = await p.query(`SELECT extversion FROM pg_extension WHERE extname = 'vector'`);
    expect(ext.rows[0].extversion).toMatch(/^0\.8/);
  });

  it('re-run: nothing to apply, nothing changed', async () => {
    const p = pool();
    expect(await runMigrations(p)).toEqual([]);
    const rows = await p.query('SELECT version FROM schema_migrations');
    expect(rows.rows).toEqual([{ version: 1 }]);
    expect((await p.query('SELECT count(*)::int AS n FROM index_stats')).rows[0].n).toBe(1);
  });

  it('replicas starting together apply a new step exactly once', async () => {
    const next = [
      ...MIGRATIONS,
      {
        version: 2,
        name: 'test step',
        sql: 'CREATE TABLE test_step (id int PRIMARY KEY); INSERT INTO test_step VALUES (1);',
      },
    ];
    const results = await Promise.all([
      runMigrations(pool(), next),
      runMigrations(pool(), next),
      runMigrations(pool(), next),
    ]);
    expect(results.flat()).toEqual([2]);
    expect((await pool().query('SELECT count(*)::int AS n FROM test_step')).rows[0].n).toBe(1);
  });

  it('a failing step rolls back and is not recorded', async () => {
    const broken = [
      ...MIGRATIONS,
      { version: 3, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT no_such_fn();' },
    ];
    await expect(runMigrations(pool(), broken)).rejects.toThrow(/no_such_fn/);
    const p = pool();
    expect(
      (await p.query('SELECT count(*)::int AS n FROM schema_migrations WHERE version = 3')).rows[0].n,
    ).toBe(0);
    expect(await tables(p)).not.toContain('half');
  });
});
