import { normaliseForIndex, toHalfWidth } from './normalise.js';

/**
 * Lexicon pairs mined from the corpus itself (written to lexicon/mined.tsv by
 * `npm run mine-lexicon`): the abbreviations documents introduce for their own long names
 * (青岛市住房公积金管理中心（以下简称公积金中心）) and the terms they define (本条例所称养犬人，是指…).
 * Pure functions over document texts.
 */

/** A mined pair: `relation` '=' (abbreviation ↔ full name) or ':' (a defined term and its definition). */
export interface MinedPair {
  from: string;
  relation: '=' | ':';
  to: string;
  /** The first document it was found in. */
  docId: string;
  /** How many documents state it. */
  count: number;
}

/** （以下简称“X”） / (简称X) / （下称《X》）: the abbreviation X a document introduces for what precedes. */
const ABBREVIATION =
  /[(（]\s*(?:以下|下文)?(?:简称|下称)(?:为)?[:：]?\s*[“"「《]?([^”"」》)）,，、；;。\s]{2,12})[”"」》]?\s*[)）]/g;

/**
 * Words that end the full name looking back from the parenthesis: what precedes them is the
 * sentence, not the name (市政府设立的青岛市住房公积金管理中心 → 青岛市住房公积金管理中心).
 */
const NAME_BREAK =
  /.*(?:的|和|与|及|或|在|对|由|向|将|为|是|按照|根据|依据|关于|组织|设立|成立|建立|开展|实施|制定|印发|享受|所称|所指)/u;

/** Abbreviations that name the document itself or a generic body, not a term (本条例, 市政府). */
const GENERIC_ABBREVIATION =
  /^(?:本|该|此|各|上述)|^(?:条例|办法|规定|细则|意见|通知|方案|规划|计划|决定|标准|规范|指南|目录|清单|合同|协议|甲方|乙方|丙方|双方|申请人|当事人|市政府|省政府|区政府|县政府|政府|我市|我省|我区|全市|全省|有关部门|主管部门|各部门|平台|系统|中心|项目|工程|基金|资金|公司|企业|单位|机构|协会|委员会)$/;

/** A full name is 3–30 characters of Han, digits and Latin (half-width, no punctuation). */
const NAME_CHARS = /[\p{Script=Han}0-9a-zA-Z]+$/u;

/** Whether every character of `short` occurs in `long`, in order: an abbreviation keeps its name's characters. */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (at < short.length && ch === short[at]) at++;
  return at === short.length;
}

/** The name right before `end` in `text`: a 《book title》, or the trailing run of name characters. */
function nameBefore(text: string, end: number): { name: string; titled: boolean } | undefined {
  const before = text.slice(Math.max(0, end - 60), end).trimEnd();
  if (before.endsWith('》')) {
    const open = before.lastIndexOf('《');
    return open >= 0 ? { name: before.slice(open + 1, -1), titled: true } : undefined;
  }
  const run = NAME_CHARS.exec(before)?.[0];
  if (!run) return undefined;
  const cut = NAME_BREAK.exec(run);
  return { name: cut ? run.slice(cut[0].length) : run, titled: false };
}

/**
 * A name whose abbreviation is its own last word (其他银行 → 银行, 国际航行船舶 → 船舶) only
 * narrows a common word; kept only for the state's law names (中华人民共和国公司法 → 公司法).
 */
const LAW_PREFIX = /^中华人民共和国/;

/** An abbreviation found in one text: the full name, the abbreviation, and whether the name was a 《title》. */
export interface FoundAbbreviation {
  full: string;
  abbr: string;
  titled: boolean;
}

/** Abbreviation pairs of one text. */
export function abbreviationsIn(text: string): FoundAbbreviation[] {
  const half = toHalfWidth(text);
  const out: FoundAbbreviation[] = [];
  for (const m of half.matchAll(ABBREVIATION)) {
    const abbr = normaliseForIndex(m[1]);
    const found = nameBefore(half, m.index ?? 0);
    if (!found) continue;
    const full = normaliseForIndex(found.name);
    if (full.length < 3 || full.length > 30 || abbr.length >= full.length) continue;
    if (GENERIC_ABBREVIATION.test(abbr) || !isSubsequence(abbr, full)) continue;
    if (full.endsWith(abbr) && !LAW_PREFIX.test(full)) continue;
    out.push({ full, abbr, titled: found.titled });
  }
  return out;
}

/** 本条例所称X，是指Y / 本办法所称“X”，包括Y: the defined term and the start of its definition. */
const DEFINITION =
  /(?:本|前款|前条|前两款)[^，。；\n]{0,8}?所称(?:的)?[“"「]?([\p{Script=Han}0-9a-zA-Z]{2,10})[”"」]?\s*[,，]?\s*(?:是指|指|包括)[:：]?([^。；;\n]{4,200})/gu;

/** Documents that must state an abbreviation whose full name is not a 《title》. */
const MIN_UNTITLED_DOCS = 2;

/** Longest definition text kept in the lexicon file: enough to recognise the term, not the whole clause. */
const DEFINITION_CHARS = 40;

/** Definitions of one text: [term, definition start]. */
export function definitionsIn(text: string): [string, string][] {
  const half = toHalfWidth(text);
  const out: [string, string][] = [];
  for (const m of half.matchAll(DEFINITION)) {
    const term = normaliseForIndex(m[1]);
    // 烟草专卖品是… : the regex took the verb into the term.
    if (GENERIC_ABBREVIATION.test(term) || /[是的为]$/.test(term)) continue;
    const definition = normaliseForIndex(m[2]).replace(/\s+/g, '').slice(0, DEFINITION_CHARS);
    if (definition.length >= 4) out.push([term, definition]);
  }
  return out;
}

/**
 * Mines every document: abbreviation ↔ full name pairs and defined terms, each counted once per
 * document. An abbreviation that documents give for more than one full name (管理办法 for several
 * 办法) is ambiguous and dropped; a term defined differently keeps its most frequent definition.
 * Sorted by relation, then by how many documents state it, then by term.
 */
export function mineLexicon(docs: Iterable<{ id: string; text: string }>): MinedPair[] {
  const pairs = new Map<string, MinedPair>();
  const fullNamesOf = new Map<string, Set<string>>();
  const titled = new Set<string>();
  const bump = (key: string, pair: Omit<MinedPair, 'count'>) => {
    const seen = pairs.get(key);
    if (seen) seen.count++;
    else pairs.set(key, { ...pair, count: 1 });
  };
  for (const doc of docs) {
    const inDoc = new Set<string>();
    for (const { full, abbr, titled: isTitle } of abbreviationsIn(doc.text)) {
      const key = `=\u0001${abbr}\u0001${full}`;
      if (isTitle) titled.add(key);
      if (inDoc.has(key)) continue;
      inDoc.add(key);
      bump(key, { from: full, relation: '=', to: abbr, docId: doc.id });
      const names = fullNamesOf.get(abbr) ?? new Set();
      names.add(full);
      fullNamesOf.set(abbr, names);
    }
    for (const [term, definition] of definitionsIn(doc.text)) {
      const key = `:\u0001${term}\u0001${definition}`;
      if (inDoc.has(key)) continue;
      inDoc.add(key);
      bump(key, { from: term, relation: ':', to: definition, docId: doc.id });
    }
  }
  const bestDefinition = new Map<string, MinedPair>();
  const out: MinedPair[] = [];
  for (const pair of pairs.values()) {
    if (pair.relation === '=') {
      // A name cut from running text may have kept a word of the sentence (了加强…所): trusted
      // when a 《title》 bounds it or when two documents state the same pair.
      const trusted = titled.has(`=\u0001${pair.to}\u0001${pair.from}`) || pair.count >= MIN_UNTITLED_DOCS;
      if (trusted && (fullNamesOf.get(pair.to)?.size ?? 0) === 1) out.push(pair);
    } else {
      const best = bestDefinition.get(pair.from);
      if (!best || pair.count > best.count) bestDefinition.set(pair.from, pair);
    }
  }
  out.push(...bestDefinition.values());
  const rank = (p: MinedPair) => (p.relation === '=' ? 0 : 1);
  return out.sort(
    (a, b) => rank(a) - rank(b) || b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0),
  );
}

/** The lexicon file text for mined pairs (see lexicon.ts for the format), with a header. */
export function formatMinedLexicon(pairs: readonly MinedPair[], header: readonly string[]): string {
  const lines = header.map((h) => `# ${h}`);
  for (const p of pairs) {
    const source = `doc:${p.docId}${p.count > 1 ? `+${p.count - 1}` : ''}`;
    const to = p.relation === ':' ? p.to.replace(/[\s|#]/g, '') : p.to;
    lines.push([p.from, p.relation, to, '-', source].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
