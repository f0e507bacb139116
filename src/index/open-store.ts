import { type Config, postgresUrl } from '../config.js';
import { readIndexInfo } from './generation-io.js';
import { openLocalStore } from './open-local-store.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { peekPostgres } from './postgres/postgres-peek.js';
import type { IndexIdentity, SearchStore } from './search-store.js';

/** What the configured store holds before it is opened: enough to rebuild tokenizer and embedder. */
export interface StorePeek {
  documents: number;
  extra: Record<string, unknown>;
}

/** Reads the configured store's document count and extras without opening it; undefined when empty. */
export async function peekStore(config: Config): Promise<StorePeek | undefined> {
  if (config.store === 'postgres') {
    const meta = await peekPostgres(postgresUrl(config));
    return meta && { documents: meta.documents, extra: meta.extras };
  }
  const peek = await readIndexInfo(config.indexDir);
  return peek && { documents: peek.manifest.counts.documents, extra: peek.extra };
}

export interface OpenStoreOptions {
  identity: IndexIdentity;
  /** Start an empty index when none is stored (otherwise INDEX_NOT_READY). */
  create?: boolean;
  /** Drop what is stored and start empty (a full rebuild). */
  reset?: boolean;
  /** Values to keep with a new index (mined dictionary terms, the embedder's idf table). */
  extras?: Record<string, unknown>;
}

/** Opens the store `config.store` names: the local index in `indexDir`, or PostgreSQL at `databaseUrl`. */
export async function openConfiguredStore(
  config: Config,
  { identity, create, reset, extras = {} }: OpenStoreOptions,
): Promise<SearchStore> {
  if (config.store === 'postgres') {
    return openPostgresStore({
      url: postgresUrl(config),
      poolMax: config.pgPoolMax,
      identity,
      create,
      reset,
      extras,
    });
  }
  const store = await openLocalStore({ dir: config.indexDir, identity, create, reset });
  for (const [key, value] of Object.entries(extras)) store.setExtra(key, value);
  return store;
}
