import type { DocumentMeta } from '../domain.js';

/**
 * Questions about a document itself — "这份文件的发文字号是什么？什么时候发布的？", "这份政策解读是
 * 哪个部门做的？有问题打什么电话？" — are answered from the facts its header states (发文字号, 发布日期,
 * 解读单位, 联系电话), which ingest reads into DocumentMeta. Each answer line quotes the header line
 * the value stands in.
 */

export type DocumentFact = 'docNumber' | 'publishDate' | 'authority' | 'phone';

const LABELS: Record<DocumentFact, string> = {
  docNumber: '发文字号',
  publishDate: '发布日期',
  authority: '发文机关',
  phone: '联系电话',
};

/** What each fact is asked as. */
const ASKS: [DocumentFact, RegExp][] = [
  ['docNumber', /发文字号|文号|字号/u],
  [
    'publishDate',
    /(?:什么时候|何时|哪天|哪一天|哪年|几号|啥时候)(?:发布|印发|发的|出台|公布)|发布(?:日期|时间)|印发日期|成文日期/u,
  ],
  [
    'authority',
    /(?:哪个|哪些|什么)(?:部门|单位|机关)(?:做|发|出|解读|制定|印发|发布|编写)|谁(?:做|发|出|解读|制定|印发|发布)|解读单位|发文机关|发布机构/u,
  ],
  ['phone', /电话|联系方式/u],
];

/** "这份文件", "该解读", "本通知": the question is about the document it was found in. */
const THIS_DOCUMENT = /(?:这份|这个|该|本|此)(?:文件|政策解读|解读|政策|方案|通知|规定|办法|意见)/u;

/**
 * The facts a question asks about the document it names as "这份…", in question order; empty when
 * it does not speak of the document itself. Pure.
 */
export function askedDocumentFacts(question: string): DocumentFact[] {
  if (!THIS_DOCUMENT.test(question)) return [];
  return ASKS.map(([fact, ask]) => ({ fact, at: question.search(ask) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ fact }) => fact);
}

/** Whether a part of a question asks one of the document's facts. Pure. */
export function asksDocumentFact(part: string): boolean {
  return ASKS.some(([, ask]) => ask.test(part));
}

export interface FactLine {
  fact: DocumentFact;
  /** "发文字号：青政办字【2025】21号". */
  text: string;
  /** The header line that states it, offsets into the document text. */
  start: number;
  end: number;
}

/**
 * One line per asked fact the document states: the value from its meta, quoted from the line of
 * the text that holds it (a date also as written with 年月日). A fact without a value, or whose
 * value the text does not hold, is left out. Pure.
 */
export function documentFactLines(facts: DocumentFact[], meta: DocumentMeta, text: string): FactLine[] {
  const out: FactLine[] = [];
  for (const fact of facts) {
    const value = meta[fact];
    if (!value) continue;
    const forms = fact === 'publishDate' ? [value, dateInChinese(value)] : [value];
    const at = forms.map((f) => text.indexOf(f)).find((i) => i >= 0);
    if (at === undefined) continue;
    const start = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const lead = text.slice(start, end).match(/^[\s•·●▪■◆*-]*/u)?.[0].length ?? 0;
    const label = fact === 'authority' && meta.type === '政策解读' ? '解读单位' : LABELS[fact];
    out.push({ fact, text: `${label}：${value}`, start: start + lead, end });
  }
  return out;
}

/** 2025-05-16 → 2025年5月16日. */
function dateInChinese(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
