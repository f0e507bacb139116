import { parseChineseNumber } from '../text/chinese-numerals.js';
import { head, type MetricResult } from './metric.js';
import { stripCitationMarkers } from './text-measures.js';

/*
 * Lead accuracy: whether the line an answer opens with — the direct fact a citizen reads first,
 * "30日[1]。", "不可以[1]。", "有效期：二十年[1]。" — agrees with the reference answer. Number
 * fidelity says every number is in a cited quote; this says whether the number put first is the one
 * asked. A number lead agrees when each of its numbers is among the reference's; a yes/no lead
 * when it says yes or no as the reference opens. Answers without a lead, and leads the reference
 * cannot judge (a reference that opens with neither yes nor no), are not scored.
 */

/**
 * A lead line: an optional label, a short value, its citation marker, a full stop — not a quoted
 * article ("第十一条：…") however short.
 */
const LEAD_LINE = /^(?!第[^条：]{1,8}条)(?:[^：\n]{1,30}：)?([^：\n[]{1,40})\[\d+\]。?$/u;

/** The yes/no leads the extractive answerer states, and whether each says no. */
const YES_NO_LEADS: readonly [RegExp, boolean][] = [
  [/^(?:不可以|不需要|不符合规定)/u, true],
  [/^(?:可以|需要|会，违反规定的要受处罚)/u, false],
];

/** How a reference answer opens, when it opens with a yes or a no. */
const REFERENCE_NO = /^(?:不|无需|无须|没有|没|否|禁止|严禁|免费|免)/u;
const REFERENCE_YES = /^(?:可以|能|允许|需要|要|得|必须|应当|应该|会|是|有|属于|算|行|合法|符合)/u;

const NUMERAL = /(\d+(?:\.\d+)?)\s*([万亿])?|([零〇一二两三四五六七八九十百千万亿]+)/gu;

/**
 * The values of the numbers a text writes, in digits or in Chinese numerals before any unit. Not
 * numbers.ts `extractNumbers`: number fidelity reads Chinese numerals only before a few measure words
 * (一年来 is no quantity there), and a lead is mostly a span (三十日, 四十八小时) that it would skip.
 */
function valuesIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').matchAll(NUMERAL)) {
    if (m[1] !== undefined) {
      const scale = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
      out.push(Number(m[1]) * scale);
      continue;
    }
    const value = parseChineseNumber(m[3]);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** The lead lines an answer opens with (several for a question of several number parts). */
export function leadLines(answer: string): string[] {
  const out: string[] = [];
  for (const line of answer.split('\n')) {
    const m = LEAD_LINE.exec(line.trim());
    const value = m?.[1].trim();
    if (!value || !isLeadValue(value)) break;
    out.push(value);
  }
  return out;
}

/** An enumerator a quoted heading opens with: （五）, 一、, 3. */
const ENUMERATOR = /^[（(]?[零〇一二三四五六七八九十\d]+[）)、．]|^\d+\.(?!\d)/u;

/**
 * A value a lead states: a yes/no or a short figure ("30日", "三百元以上五百元以下"), not a short
 * quoted sentence or heading ("（五）拓展网上办税缴费范围", "2日上午，经过测量体温…").
 */
function isLeadValue(value: string): boolean {
  if (YES_NO_LEADS.some(([pattern]) => pattern.test(value))) return true;
  return value.length <= 20 && !ENUMERATOR.test(value) && !/[，,、；;：:（）()]/u.test(value);
}

/** Whether a reference answer opens by saying no (true), yes (false), or neither (undefined). */
function referenceSaysNo(reference: string): boolean | undefined {
  const opening = stripCitationMarkers(reference).trim();
  if (REFERENCE_NO.test(opening)) return true;
  if (REFERENCE_YES.test(opening)) return false;
  return undefined;
}

/**
 * Whether one lead agrees with the reference: a yes/no lead with how the reference opens, a number
 * lead with the numbers of the reference and the key points. Undefined when they cannot judge it.
 */
function leadAgrees(lead: string, reference: string, keyPoints: readonly string[]): boolean | undefined {
  for (const [pattern, no] of YES_NO_LEADS) {
    if (!pattern.test(lead)) continue;
    const said = referenceSaysNo(reference);
    return said === undefined ? undefined : said === no;
  }
  const values = valuesIn(lead);
  if (values.length === 0) return undefined;
  const pool = new Set(valuesIn([reference, ...keyPoints].join('\n')));
  return values.every((v) => pool.has(v));
}

/**
 * Lead accuracy of one answer against its reference answer and key points; undefined when the
 * answer has no lead they can judge. Pure.
 */
export function leadAccuracy(
  answer: string,
  reference: string,
  keyPoints: readonly string[] = [],
): MetricResult | undefined {
  const judged = leadLines(answer).flatMap((lead) => {
    const agrees = leadAgrees(lead, reference, keyPoints);
    return agrees === undefined ? [] : [{ lead, agrees }];
  });
  if (judged.length === 0) return undefined;
  const wrong = judged.filter((j) => !j.agrees);
  const score = (judged.length - wrong.length) / judged.length;
  const quoted = (list: typeof judged) => list.map((j) => `"${head(j.lead, 16)}"`).join(', ');
  if (wrong.length === 0)
    return { pass: true, score, reason: `lead agrees with the reference: ${quoted(judged)}` };
  return { pass: false, score, reason: `lead disagrees with the reference: ${quoted(wrong)}` };
}
