import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DOC_TYPES, type DocType, type DocumentMeta } from '../domain.js';

/**
 * `manifest.jsonl` at a corpus folder's root: one JSON object per line, keyed by document `id`,
 * that supplies or overrides metadata (fields as in ../shared/corpus/PROVENANCE.md). Unknown fields
 * are ignored; a line that is not JSON is reported, not fatal.
 */

export const MANIFEST_FILE = 'manifest.jsonl';

/** The manifest fields this project reads. All optional except `id`. */
export interface ManifestRow {
  id: string;
  title?: string | null;
  title_guess?: string | null;
  doc_number?: string | null;
  authority?: string | null;
  region?: string | null;
  publish?: string | null;
  valid_from?: string | null;
  written?: string | null;
  level?: string | null;
  category?: string | null;
  group?: string | null;
  matter_type?: string | null;
  phone?: string | null;
  /** Our own manifests may name the DocType directly. */
  type?: string | null;
}

export interface Manifest {
  rows: Map<string, ManifestRow>;
  /** Lines that could not be read, e.g. "manifest.jsonl:12: not JSON". */
  problems: string[];
}

/**
 * Reads `<dir>/manifest.jsonl`, else `<dir>/../manifest.jsonl`: the shared corpus keeps its
 * manifest beside `docs/`, and rows only apply to ids found under `dir`, so the parent is safe.
 * No manifest gives an empty one.
 */
export async function readManifest(dir: string): Promise<Manifest & { path?: string }> {
  for (const path of [join(dir, MANIFEST_FILE), join(dirname(resolve(dir)), MANIFEST_FILE)]) {
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    return { ...parseManifest(raw), path };
  }
  return { rows: new Map(), problems: [] };
}

export function parseManifest(raw: string): Manifest {
  const rows = new Map<string, ManifestRow>();
  const problems: string[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const row = JSON.parse(line) as ManifestRow;
      if (typeof row?.id !== 'string' || row.id === '') throw new Error('no id');
      rows.set(row.id, row);
    } catch {
      problems.push(`${MANIFEST_FILE}:${i + 1}: 不是带 id 的 JSON 对象 (not a JSON object with an id)`);
    }
  });
  return { rows, problems };
}

const LAW_LEVELS = new Set(['法律', '行政法规', '地方性法规', '部门规章', '司法解释', '宪法']);
const LAW_GROUPS = new Set(['national_laws', 'state_council_regs', 'shandong_local_regs', 'ministry_rules']);

/** The DocType a manifest row implies, given the type read from the text. */
function typeFromRow(row: ManifestRow, fromText: DocType): DocType {
  if (row.type && (DOC_TYPES as readonly string[]).includes(row.type)) return row.type as DocType;
  if ((row.level && LAW_LEVELS.has(row.level)) || (row.group && LAW_GROUPS.has(row.group))) return '法规';
  if (row.group === 'gd_service_guides' || row.matter_type) return '办事指南';
  if (row.group === 'ncpqa_policies') {
    return fromText === '通知' || fromText === '政策解读' ? fromText : '政策文件';
  }
  return fromText;
}

function isoOrUndefined(v: string | null | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/** `meta` with the row's values laid over it (null/absent values keep what the text gave). */
export function applyManifestRow(meta: DocumentMeta, row: ManifestRow): DocumentMeta {
  const out: DocumentMeta = { ...meta, type: typeFromRow(row, meta.type) };
  const set = <K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K] | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  };
  set('title', row.title ?? (meta.title && meta.title !== meta.id ? undefined : row.title_guess));
  set('docNumber', row.doc_number);
  set('authority', row.authority);
  set('region', row.region);
  set('publishDate', isoOrUndefined(row.publish));
  set('effectiveDate', isoOrUndefined(row.valid_from));
  set('writtenDate', isoOrUndefined(row.written));
  set('phone', row.phone);
  // LawRefBook's `category` is the law's branch (刑法, 行政法规 …), not a 主题分类: keep the text's if any.
  if (!out.category) set('category', row.category);
  return out;
}
