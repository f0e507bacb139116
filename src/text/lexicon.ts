import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { allOfParts } from './all-of-terms.js';
import { normaliseForIndex } from './normalise.js';

/**
 * The colloquial ↔ official lexicon: data files staff can extend (lexicon/*.tsv, see
 * docs/lexicon.md), parsed here into a table of query-time alternatives with weights.
 *
 * One pair per line, columns separated by tabs (or spaces): `FROM REL TO [WEIGHT] [SOURCE]`.
 * - REL `>`: a question saying FROM also searches TO (one way: 打车 > 出租汽车|网约车).
 * - REL `=`: FROM and TO are interchangeable, both ways (社保 = 社会保险).
 * - REL `:`: FROM is a term the corpus defines (TO is the start of its definition, without
 *   spaces); it only goes into the jieba user dictionary, it expands nothing.
 * TO may list several terms separated by `|`; a target of words joined by `+` (人力资源+社会保障+部门)
 * is searched as all of those words in one passage and is no dictionary word (all-of-terms.ts). WEIGHT (0 < w ≤ 1, `-` for the default) multiplies
 * an alternative's BM25 score. SOURCE says where a pair came from (`doc:ID` for mined pairs).
 * `#` starts a comment; blank lines are skipped.
 */

/** Relation of a lexicon row. */
export type LexiconRelation = '>' | '=' | ':';

/**
 * Default weight of a one-way expansion (`>`): a colloquial paraphrase (吵 → 噪声) is less sure
 * than the word as asked, so a passage with the asked word ranks first when both match. Chosen on
 * the tune half of citizen-qd-dev (measured 2026-11-30, hit@5 / MRR): 0.4 → 0.739 / 0.698, 0.6 →
 * 0.739 / 0.703, 0.8 → 0.783 / 0.713, 0.9 → 0.783 / 0.713; seed-dev tune 1.000 throughout.
 */
export const DEFAULT_EXPANSION_WEIGHT = 0.8;

/**
 * Default weight of an interchangeable pair (`=`): abbreviations and full names (社保 = 社会保险)
 * mean the same thing; 0.9 was the measured synonym weight before the lexicon became data (ncpqa-dev,
 * see bm25-scoring.ts).
 */
export const DEFAULT_EQUIVALENT_WEIGHT = 0.9;

/** A term: no spaces, no column or list separators, 1–40 characters after normalisation. */
const term = z
  .string()
  .min(1, 'empty term')
  .max(40, 'term longer than 40 characters')
  .refine((t) => !/[\s|#]/.test(t), 'term contains a space, | or #');

/** One validated row of a lexicon file. */
export const lexiconRowSchema = z
  .object({
    from: term.refine(
      (t) => allOfParts(t) === undefined,
      'the left term is one word: join words with + only on the right (人社局 > 人力资源+社会保障+部门)',
    ),
    relation: z.enum(['>', '=', ':'], { message: 'relation must be >, = or :' }),
    to: z.array(z.string()).min(1, 'no target term'),
    weight: z.number().gt(0, 'weight must be > 0').max(1, 'weight must be ≤ 1').optional(),
    source: z.string().optional(),
  })
  .superRefine((row, ctx) => {
    if (row.relation === ':') return;
    for (const t of row.to) {
      const r = term.safeParse(t);
      if (!r.success)
        ctx.addIssue({ code: 'custom', message: `target "${t}": ${r.error.issues[0].message}` });
    }
  });

export type LexiconRow = z.infer<typeof lexiconRowSchema>;

/** A parsed row with where it came from, for error messages and the mined-pair report. */
export interface LocatedRow extends LexiconRow {
  file: string;
  line: number;
}

/**
 * Parses the text of one lexicon file. Throws `CONFIG_INVALID` naming `file:line` and the problem
 * for the first bad row, so a staff edit never half-loads.
 */
export function parseLexicon(text: string, file: string): LocatedRow[] {
  const rows: LocatedRow[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/^\uFEFF/, '');
    const hash = line.indexOf('#');
    const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (body.length === 0) continue;
    const cols = body.split(/\s+/);
    const fail = (message: string): never => {
      throw new AppError('CONFIG_INVALID', `词表无效 (invalid lexicon row) ${file}:${i + 1}: ${message}`, {
        issues: [{ path: `${file}:${i + 1}`, message }],
      });
    };
    if (cols.length < 3) fail(`expected FROM REL TO [WEIGHT] [SOURCE], got ${cols.length} column(s)`);
    const [from, relation, to, weightCol, ...rest] = cols;
    // A definition (REL ':') is one column of text, not a list of terms.
    const isDefinition = relation === ':';
    let weight: number | undefined;
    if (weightCol !== undefined && weightCol !== '-') {
      weight = Number(weightCol);
      if (!Number.isFinite(weight)) fail(`weight "${weightCol}" is not a number (use - for the default)`);
    }
    const row = {
      from: normaliseForIndex(from),
      relation,
      to: isDefinition
        ? [to]
        : to
            .split('|')
            .map((t) => normaliseForIndex(t))
            .filter((t) => t.length > 0),
      weight,
      source: rest.length > 0 ? rest.join(' ') : undefined,
    };
    const parsed = lexiconRowSchema.safeParse(row);
    if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('; '));
    else rows.push({ ...parsed.data, file, line: i + 1 });
  }
  return rows;
}

/** An alternative a query term expands to, with the weight its BM25 score is multiplied by. */
export interface Alternative {
  term: string;
  weight: number;
}

/** The loaded lexicon: query-time alternatives and the terms for the jieba user dictionary. */
export interface Lexicon {
  /**
   * Short hash of the dictionary terms. Part of the tokenizer id, so an index built with another
   * lexicon's dictionary is rebuilt (weights alone change nothing in the index and are not hashed).
   */
  readonly id: string;
  /** Alternatives of a normalised term, excluding the term itself; empty when it has none. */
  alternativesOf(term: string): readonly Alternative[];
  /**
   * Every term the rows mention (expansions both sides, defined terms) except all-of targets
   * (all-of-terms.ts), for the user dictionary.
   */
  readonly terms: readonly string[];
  /** How many rows were loaded. */
  readonly size: number;
}

/**
 * Builds the lookup table from rows. Several rows may give the same alternative: the highest weight
 * wins. A term never lists itself.
 */
export function buildLexicon(rows: readonly LexiconRow[]): Lexicon {
  const table = new Map<string, Map<string, number>>();
  const terms = new Set<string>();
  const add = (from: string, to: string, weight: number) => {
    if (from === to) return;
    let alts = table.get(from);
    if (!alts) {
      alts = new Map();
      table.set(from, alts);
    }
    alts.set(to, Math.max(alts.get(to) ?? 0, weight));
  };
  for (const row of rows) {
    terms.add(row.from);
    if (row.relation === ':') continue;
    // An all-of target (人力资源+社会保障+部门) is searched by its words: no dictionary word.
    for (const t of row.to) if (allOfParts(t) === undefined) terms.add(t);
    if (row.relation === '>') {
      const w = row.weight ?? DEFAULT_EXPANSION_WEIGHT;
      for (const t of row.to) add(row.from, t, w);
    } else {
      const w = row.weight ?? DEFAULT_EQUIVALENT_WEIGHT;
      const group = [row.from, ...row.to];
      for (const a of group) for (const b of group) add(a, b, w);
    }
  }
  const frozen = new Map<string, Alternative[]>();
  for (const [from, alts] of table) {
    frozen.set(
      from,
      [...alts].map(([t, weight]) => ({ term: t, weight })),
    );
  }
  const sorted = [...terms].sort();
  const id = createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 8);
  return {
    id,
    terms: sorted,
    size: rows.length,
    alternativesOf: (t) => frozen.get(t) ?? [],
  };
}
