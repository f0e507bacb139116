import { alternativeWeight } from '../../text/tokenizer.js';
import { bm25Idf, DEFAULT_BM25_PARAMS } from '../bm25-scoring.js';

/** One query term as the BM25 SQL receives it: its group and its weight (idf × synonym weight). */
export interface WeightedTerm {
  term: string;
  group: number;
  weight: number;
}

/**
 * The query groups the local BM25 index would score (bm25.ts `search`): alternatives no chunk
 * contains are dropped, a group with none left is skipped, a repeated group counts once; the
 * first alternative weighs its idf, the others their own weight (the lexicon's, see
 * `QueryGroup`) or else `synonymWeight`, × idf.
 */
export function weightQuery(
  groups: readonly (readonly string[])[],
  df: Map<string, number>,
  totalChunks: number,
  { synonymWeight } = DEFAULT_BM25_PARAMS,
): { terms: WeightedTerm[]; usedGroups: string[][] } {
  const seen = new Set<string>();
  const usedGroups: string[][] = [];
  const terms: WeightedTerm[] = [];
  for (const group of groups) {
    const alts = group.filter((t) => (df.get(t) ?? 0) > 0);
    const key = alts.join('\u0001');
    if (alts.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const g = usedGroups.length;
    usedGroups.push(alts);
    group.forEach((term, altIndex) => {
      const n = df.get(term) ?? 0;
      if (n === 0) return;
      const weight = alternativeWeight(group, altIndex, synonymWeight) * bm25Idf(totalChunks, n);
      terms.push({ term, group: g, weight });
    });
  }
  return { terms, usedGroups };
}

/** A tsquery matching exactly `term` as a lexeme (no parser, no normalisation). */
export function termQuery(term: string): string {
  return quoteLexeme(term);
}

/** A tsquery matching chunks that hold every one of `parts` (one part: that lexeme). */
export function partsQuery(parts: readonly string[]): string {
  return parts.map(termQuery).join(' & ');
}

/** Joins the parts of a term for the SQL (`$6`); no index term holds it. */
export const PARTS_SEPARATOR = '\u0001';

/** A lexeme quoted for tsquery/tsvector input: `'` doubled, `\` escaped. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * BM25 (k1, b as in bm25-scoring.ts) computed in SQL: `$1` terms, `$2` their groups, `$3` their
 * weights, `$4` a tsquery per term (one lexeme, or all parts of an all-of term), `$5` k, `$6` the
 * parts of each term joined by PARTS_SEPARATOR (a plain term is its own part; an all-of term's tf
 * is its rarest part's, as in the local index). Each term finds its chunks through the GIN
 * index on `tsv` and reads its tf from `term_freqs` only there (measured on 2,594 chunks: 0.36 s
 * per query in PGlite against 0.6 s for scanning the chunks matching any term and probing every
 * term in each); per chunk and group the best alternative counts. Ties go to the earlier chunk
 * (`seq`). `filterSql` is an extra condition on the documents table `d`.
 */
export function bm25Sql(filterSql: string | undefined, { k1, b } = DEFAULT_BM25_PARAMS): string {
  return `
WITH q AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::float8[], $4::text[], $6::text[]) AS q(term, grp, weight, tq, parts)
),
st AS (
  SELECT total_tokens::float8 / greatest(chunks, 1) AS avgdl FROM index_stats
),
per_term AS (
  SELECT c.id, c.seq, q.grp, q.term,
         q.weight * (f.tf * ${k1 + 1}::float8)
           / (f.tf + ${k1}::float8 * (${1 - b}::float8 + ${b}::float8 * c.token_count / st.avgdl)) AS s
  FROM q
  JOIN chunks c ON c.tsv @@ q.tq::tsquery
  ${filterSql ? `JOIN documents d ON d.id = c.document_id AND ${filterSql}` : ''}
  CROSS JOIN st
  CROSS JOIN LATERAL (
    SELECT min((c.term_freqs->>p)::float8) AS tf FROM unnest(string_to_array(q.parts, chr(1))) AS p
  ) f
),
per_group AS (
  SELECT id, seq, max(s) AS s FROM per_term GROUP BY id, seq, grp
),
top AS (
  SELECT id, seq, sum(s) AS score FROM per_group GROUP BY id, seq ORDER BY score DESC, seq LIMIT $5
)
SELECT top.id, top.score, (SELECT array_agg(DISTINCT p.term) FROM per_term p WHERE p.id = top.id) AS terms
FROM top
ORDER BY top.score DESC, top.seq`;
}
