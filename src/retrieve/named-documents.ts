import type { DocumentMeta } from '../domain.js';
import { placesIn } from '../text/place-names.js';

/*
 * A question naming a rule the index does not hold: "青岛市数据条例哪天开始施行？" asked of an index
 * without it was answered from the 劳动合同法's commencement article, which names 施行 as often.
 * Whatever the search finds for a rule the documents lack belongs to another rule; the assistant
 * says which rule it does not hold and refers on, as it does for a place it holds nothing of
 * (unserved-places.ts).
 */

/**
 * A rule's name as a question gives it: in book-title marks (《青岛市数据条例》), or written out as a
 * regulation of the place that made it (山东省物业管理条例, 青岛市数据条例). Written out, only 条例 is
 * read as a title's end: "浙江省用什么办法", "重庆市税务局对…无法", "…有何规定" end with the words of
 * other titles.
 */
const NAMED_RULE = /《([^》]{2,40})》|(\p{Script=Han}{2,3}(?:省|市|自治区)\p{Script=Han}{2,20}?条例)/gu;

/**
 * How a rule's title ends. Book-title marks also enclose certificates and forms (《乡村建设规划许可证》,
 * 《结婚证》), which are no rule, and notices (《关于…的指导意见》), which the index often holds only
 * through a document that reports them under another title.
 */
const RULE_END = /(?:条例|办法|规定|细则|法)$/u;

/** Words no title holds: a written-out "name" holding them is a question (北京市发布了哪些条例). */
const NOT_A_TITLE = /什么|哪|何|如何|怎么|怎样|吗|了|是否|有没有/u;

/** Share of a name's character pairs a title must hold to be the rule named (物业条例 ~ 物业管理条例). */
const TITLE_MATCH = 0.6;

/** The character pairs of a text, in order. */
function bigrams(text: string): string[] {
  const chars = [...text];
  return chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]);
}

/** Whether `title` is the rule `name` names: it holds the name, or most of its character pairs. */
function namesTitle(name: string, title: string): boolean {
  if (title.includes(name)) return true;
  const pairs = bigrams(name);
  const held = new Set(bigrams(title));
  return pairs.length > 0 && pairs.filter((p) => held.has(p)).length / pairs.length >= TITLE_MATCH;
}

/** The rules a question names (without the book-title marks), in order, each once. Pure. */
export function namedRules(question: string): string[] {
  const out = new Set<string>();
  for (const m of question.matchAll(NAMED_RULE)) {
    // A name written out starts at its place (按山东省…条例 → 山东省…条例).
    const written = m[2] && placesIn(m[2])[0];
    const name = (m[1] ?? (written ? m[2].slice(m[2].indexOf(written)) : m[2])).trim();
    const quoted = m[1] !== undefined;
    if (name.length < 4 || (quoted ? !RULE_END.test(name) : NOT_A_TITLE.test(name))) continue;
    out.add(name);
  }
  return [...out];
}

/**
 * The rules a question names when the index holds none of them (no title names any, no passage
 * found quotes any), for a refusal that says so; undefined when it names no rule or one the index
 * holds. Pure.
 */
export function unheldRules(
  question: string,
  metas: Iterable<Pick<DocumentMeta, 'title'>>,
  /** The texts of the passages found: one that quotes the rule's name holds it in part. */
  found: readonly string[] = [],
): string[] | undefined {
  const named = namedRules(question);
  if (named.length === 0) return undefined;
  const titles = [...metas].map((m) => m.title.replace(/[《》]/gu, ''));
  const held = (name: string) =>
    titles.some((title) => namesTitle(name, title)) || found.some((text) => text.includes(name));
  return named.some(held) ? undefined : named;
}

/** The refusal's sentence naming them: "文件中没有《青岛市数据条例》。" */
export function unheldRulesSentence(rules: readonly string[] | undefined): string {
  return rules && rules.length > 0 ? `文件中没有${rules.map((r) => `《${r}》`).join('、')}。` : '';
}
