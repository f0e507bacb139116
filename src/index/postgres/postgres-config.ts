import type { Config } from '../../config.js';

/**
 * The same configuration with the PostgreSQL store at `databaseUrl`: what the eval and the bench
 * pass to `buildAssistant` for `--store postgres`, so both stores run on one gold set and corpus.
 */
export function withPostgresStore(config: Config, databaseUrl: string, poolMax = config.pgPoolMax): Config {
  return { ...config, store: 'postgres', databaseUrl, pgPoolMax: poolMax };
}
