import type pg from 'pg';

/**
 * Adds (`sign` 1) or removes (`sign` −1) the document's chunks from `term_df` and `index_stats`.
 * Terms whose df falls to 0 keep a row with 0, which reads as absent.
 */
export async function adjustTermStats(db: pg.PoolClient, docId: string, sign: 1 | -1): Promise<void> {
  await db.query(
    `INSERT INTO term_df (term, df)
     SELECT k, $2 * count(*) FROM chunks c, jsonb_object_keys(c.term_freqs) AS k
     WHERE c.document_id = $1 GROUP BY k
     ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df`,
    [docId, sign],
  );
  await db.query(
    `UPDATE index_stats SET
       chunks = chunks + $2 * (SELECT count(*) FROM chunks WHERE document_id = $1),
       total_tokens = total_tokens + $2 * (SELECT coalesce(sum(token_count), 0) FROM chunks WHERE document_id = $1)`,
    [docId, sign],
  );
}
