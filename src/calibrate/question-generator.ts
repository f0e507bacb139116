import type { DocumentMeta } from '../domain.js';
import { topicalGroups } from '../retrieve/query-terms.js';
import { everydayWords, generalRarity } from '../text/general-rarity.js';
import { BUILT_IN_LEXICON_FILES, readLexiconRows } from '../text/lexicon-files.js';
import { PLACE_NAMES, PROVINCES, SHANDONG_CITIES } from '../text/place-names.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Random } from './random.js';

/**
 * Questions generated from the corpus itself, to fit the answerability model without gold data.
 * A question is built the way citizens build one: a few informative words of a passage, maybe the
 * subject of its document, maybe a place, in a question frame, with official words sometimes
 * swapped for colloquial synonyms.
 *
 * - **answerable**: from a passage of an indexed document (its own place, or none);
 * - **other place**: the same, naming a place the index has no document of (a local document's
 *   rules do not hold there);
 * - **absent topic**: from a document outside the index, keeping at least one word no indexed
 *   passage contains;
 * - **mismatch**: two informative words of two unrelated indexed documents that no single
 *   passage holds together (青岛 from one, 居住证 from another is not an answer).
 */
export type QuestionKind = 'answerable' | 'other-place' | 'absent-topic' | 'mismatch';

export interface GeneratedQuestion {
  question: string;
  answerable: boolean;
  kind: QuestionKind;
  /** The document the question was built from. */
  docId: string;
}

/** A passage the generator reads: its text and its document's metadata. */
export interface SourcePassage {
  docId: string;
  meta: DocumentMeta;
  text: string;
}

/** Question frames: {p} place, {s} subject, {a} {b} informative words. */
const FRAMES = [
  '{p}{s}{a}{b}有什么规定？',
  '{p}{a}{b}怎么办？',
  '{p}{a}的话，{b}需要什么条件？',
  '{p}{s}{a}{b}是多少？',
  '请问{p}{a}{b}可以吗？',
  '{p}{a}{b}会怎么处罚？',
  '我想问一下{p}{a}和{b}有什么要求',
  '{p}{s}里{a}{b}谁来管？',
  '{p}{a}要{b}吗？',
  '{p}{c}{a}，{b}{c}怎么弄？',
  '{c}{a}{b}{c}，这个合法吗？',
];

/** The place a citizen would say for a region: 山东省青岛市 → 青岛, 广东省 → 广东; none for 全国. */
export function spokenPlace(region: string | undefined): string | undefined {
  if (!region || region === '全国') return undefined;
  const names = PLACE_NAMES.filter((n) => region.includes(n));
  return names.sort((a, b) => region.indexOf(b) - region.indexOf(a))[0];
}

/** The subject of a title as said aloud: 青岛市养犬管理条例 → 养犬管理. */
export function spokenSubject(title: string): string {
  let s = title.replace(/[《》]/g, '').replace(/[（(][^）)]*[）)]/g, '');
  for (const name of PLACE_NAMES) s = s.replace(new RegExp(`^${name}(?:省|市|自治区|特别行政区)?`), '');
  s = s.replace(/^中华人民共和国/, '');
  return s.replace(/(?:实施细则|实施办法|管理办法|管理规定|条例|办法|规定|细则|决定|通知|方案|意见)$/, '');
}

export interface GeneratorDeps {
  tokenizer: Tokenizer;
  /** Corpus IDF of terms (the index's). */
  idf: (terms: string[]) => Promise<Map<string, number>>;
  /** The largest IDF the index gives (a term no passage holds). */
  maxIdf: number;
  /** Whether some single indexed passage holds all the terms. */
  cooccur: (terms: string[]) => Promise<boolean>;
  /** Regions of the indexed documents. */
  indexedRegions: Set<string>;
  random: Random;
}

/** The most informative words of a passage, best first (IDF × general rarity, ≥ 2 characters). */
async function informativeWords(text: string, deps: GeneratorDeps, limit = 6): Promise<string[]> {
  const groups = topicalGroups(deps.tokenizer.tokenizeQuery(text.slice(0, 400)));
  const words = [...new Set(groups.map((g) => g[0]).filter((w) => w.length >= 2 && !/\d/.test(w)))];
  const idf = await deps.idf(words);
  return words
    .map((w) => ({ w, score: (idf.get(w) ?? 0) * generalRarity(w) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.w);
}

let spoken: Map<string, string[]> | undefined;

/**
 * The words citizens use for an official term, from the lexicon read backwards: `打车 > 出租汽车`
 * gives 出租汽车 → 打车; `社保 = 社会保险` gives both ways.
 */
function colloquialForms(word: string): string[] {
  if (!spoken) {
    const table = new Map<string, string[]>();
    const add = (official: string, said: string) => {
      if (official !== said) table.set(official, [...(table.get(official) ?? []), said]);
    };
    for (const row of readLexiconRows(BUILT_IN_LEXICON_FILES)) {
      if (row.relation === ':') continue;
      for (const to of row.to) {
        add(to, row.from);
        if (row.relation === '=') add(row.from, to);
      }
    }
    spoken = table;
  }
  return spoken.get(word) ?? [];
}

function colloquial(word: string, random: Random): string {
  const alternatives = colloquialForms(word);
  return alternatives.length > 0 && random.chance(0.4) ? random.pick(alternatives) : word;
}

let everyday: string[] | undefined;

/** 0–2 everyday words a citizen adds around the topic (家里, 天天 …), so that generated questions,
 * like real ones, hold words no passage needs to contain. */
function chatter(random: Random): string {
  everyday ??= everydayWords();
  const n = random.pick([0, 1, 2, 3]);
  return Array.from({ length: n }, () => random.pick(everyday ?? [])).join('');
}

function frame(random: Random, place: string | undefined, subject: string, a: string, b: string): string {
  return `${chatter(random)}${random.pick(FRAMES)}`
    .replace('{p}', place ? `在${place}` : '')
    .replace('{s}', subject)
    .replace('{a}', colloquial(a, random))
    .replace('{b}', colloquial(b, random))
    .replace(/\{c\}/g, () => chatter(random));
}

/** Places the index has no document of (so a local rule asked there is not covered). */
function uncoveredPlaces(indexedRegions: Set<string>): string[] {
  const covered = [...indexedRegions].join(' ');
  return [...SHANDONG_CITIES, ...Object.keys(PROVINCES)].filter((p) => !covered.includes(p));
}

/** An answerable question (and, for a local document, its other-place twin) from an indexed passage. */
export async function fromIndexed(p: SourcePassage, deps: GeneratorDeps): Promise<GeneratedQuestion[]> {
  const { random } = deps;
  const words = await informativeWords(p.text, deps, 10);
  if (words.length < 2) return [];
  // Citizens name the passage's most specific words only half of the time.
  const [a, b] = random.chance(0.5)
    ? [words[0], random.pick(words)]
    : [random.pick(words), random.pick(words)];
  if (a === b) return [];
  const place = spokenPlace(p.meta.region);
  const subject = random.chance(0.5) ? spokenSubject(p.meta.title) : '';
  const out: GeneratedQuestion[] = [
    {
      question: frame(random, place && random.chance(0.6) ? place : undefined, subject, a, b),
      answerable: true,
      kind: 'answerable',
      docId: p.docId,
    },
  ];
  const elsewhere = uncoveredPlaces(deps.indexedRegions);
  if (place && elsewhere.length > 0) {
    out.push({
      question: frame(random, random.pick(elsewhere), subject, a, b),
      answerable: false,
      kind: 'other-place',
      docId: p.docId,
    });
  }
  return out;
}

/** An unanswerable question from a passage of a document outside the index. */
export async function fromOutside(p: SourcePassage, deps: GeneratorDeps): Promise<GeneratedQuestion[]> {
  const words = await informativeWords(p.text, deps);
  const idf = await deps.idf(words);
  const absent = words.filter((w) => (idf.get(w) ?? 0) >= deps.maxIdf - 1e-9);
  if (absent.length === 0 || words.length < 2) return [];
  const a = deps.random.pick(absent);
  const b = deps.random.pick(words.filter((w) => w !== a));
  const place = spokenPlace(p.meta.region);
  const named = place && !deps.indexedRegions.has(p.meta.region ?? '') ? place : undefined;
  return [
    {
      question: frame(deps.random, named, '', a, b),
      answerable: false,
      kind: 'absent-topic',
      docId: p.docId,
    },
  ];
}

/** An unanswerable pairing of words from two indexed passages that no one passage holds together. */
export async function mismatch(
  first: SourcePassage,
  second: SourcePassage,
  deps: GeneratorDeps,
): Promise<GeneratedQuestion[]> {
  if (first.docId === second.docId) return [];
  const [wa, wb] = [
    await informativeWords(first.text, deps, 3),
    await informativeWords(second.text, deps, 3),
  ];
  if (wa.length === 0 || wb.length === 0) return [];
  const a = deps.random.pick(wa);
  const b = deps.random.pick(wb);
  if (a === b || (await deps.cooccur([a, b]))) return [];
  return [
    {
      question: frame(deps.random, undefined, '', a, b),
      answerable: false,
      kind: 'mismatch',
      docId: first.docId,
    },
  ];
}
