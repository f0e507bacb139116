import { readIndexMeta, type StoredIndexMeta } from './index-meta.js';
import { loadPg } from './pg-pool.js';

/**
 * The identity, extras and document count the database at `url` holds, read over one short-lived
 * connection before the store is opened (the tokenizer's mined terms and the embedder's idf table
 * decide the identity). Undefined when the database holds no index yet.
 */
export async function peekPostgres(
  url: string,
): Promise<(StoredIndexMeta & { documents: number }) | undefined> {
  const client = new (loadPg().Client)({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const meta = await readIndexMeta(client);
    if (!meta) return undefined;
    const { rows } = await client.query('SELECT count(*) AS n FROM documents');
    return { ...meta, documents: Number(rows[0].n) };
  } finally {
    await client.end();
  }
}
