import { asksForConditions, asksForNumber } from '../retrieve/query-terms.js';
import { textHolds } from '../text/all-of-terms.js';
import { normaliseForIndex } from '../text/normalise.js';
import { isPlaceGroup } from '../text/place-names.js';
import { questionParts } from '../text/question-parts.js';
import { answersAskKind, withoutWhetherAllowed } from './ask-kinds.js';
import { numberLead } from './compose-lead.js';
import type { AskedPart } from './compose-passage.js';

/** A part that asks something (not a scene-setting clause like "在青岛坐出租车"). */
export const ASKING =
  /吗|呢|什么|哪|谁|几|多少|多久|多长|多大|多重|怎|如何|是否|能不能|可不可以|要不要|有没有|啥|[？?]$/u;

/**
 * A clause that asserts by asking back: "这不是瞎折腾吗", "这不就是乱收费吗", "岂不是白交了". Said
 * beside a question ("…这不是瞎折腾吗，这种事允许吗？") it is the citizen's complaint, not a second
 * ask; standing alone it is the ask. Only after 这 or 那: "不是本地户口能办吗" asks.
 */
const RHETORICAL = /^(?:这|那)(?:岂不|不就|不)是|^岂不是/u;

/** The clauses of a part (between commas and full stops) that ask something (ASKING). Pure. */
function askingClauses(part: string): string[] {
  return part
    .split(/[，,。]/u)
    .map((c) => c.trim())
    .filter((c) => ASKING.test(c));
}

/** Whether every clause of `ask` that asks something asks back (`RHETORICAL`). Pure. */
function asksBack(ask: string): boolean {
  const asking = askingClauses(ask);
  return asking.length > 0 && asking.every((c) => RHETORICAL.test(c));
}

/** `asks` without those that only ask back, when another ask remains. Pure. */
function withoutRhetorical(asks: string[]): string[] {
  const real = asks.filter((a) => !asksBack(a));
  return real.length > 0 ? real : asks;
}

/**
 * The parts of a question that asks two things or more ("算力券是什么？怎么申请？") the answer does
 * not cover: every informative query term of the part (weight > 0) is absent from the answer's
 * text. A question that asks one thing has none, however it sets the scene ("企业想修复信用，可以
 * 申请吗？"): its coverage is the relevance decision's business — unless that decision was
 * `partial` (the documents cover the topic, maybe not the ask), when its one asking part is checked
 * too. Returned as written, without the question particle, so the answer can say "“怎么申请”：现有
 * 资料未写明". Pure.
 */
export function uncoveredAsks(
  question: string,
  groups: string[][],
  weights: number[],
  answerText: string,
  { partial = false }: { partial?: boolean } = {},
): string[] {
  const asked = askingParts(question);
  if (asked.length < (partial ? 1 : 2)) return [];
  // One asking part: its clause that asks ("最少能补多大面积"), not the scene it sets ("青岛老城区的
  // 小房子被征收"), whose words any passage on the topic holds.
  const parts =
    asked.length > 1
      ? asked
      : asked.flatMap((part) => {
          const clauses = withoutRhetorical(askingClauses(part));
          return clauses.length > 0 ? clauses : [part];
        });
  const answer = normaliseForIndex(answerText);
  const out: string[] = [];
  for (const part of parts) {
    // "这符合规定吗" asks whether the conduct the question describes is allowed: the quoted rule
    // answers it, so only the conduct's own words ("能不能…游个泳") are looked for in the answer.
    const norm = normaliseForIndex(withoutWhetherAllowed(part));
    // A place the part names ("山东这边有规定吗") says where the question holds, not what it asks.
    const own = groups
      .map((group, i) => ({ group, weight: weights[i] ?? 0 }))
      .filter(
        ({ group, weight }) => weight > 0 && !isPlaceGroup(group) && group.some((t) => norm.includes(t)),
      );
    if (own.length === 0) continue;
    // A part asking where, who, when or whether it costs is covered by a quote stating it ("在哪办"
    // by …到公安机关设立的养犬登记服务场所办理), whatever words the part asks it in.
    const coveredAny =
      own.some(({ group }) => group.some((t) => textHolds(answer, t))) || answersAskKind(part, answerText);
    if (!coveredAny) out.push(part.replace(/[吗呢吧啊呀]+$/u, ''));
  }
  return out;
}

/** The parts of a question that ask something (see ASKING), less those that only ask back (`RHETORICAL`) beside a real ask. */
export function askingParts(question: string): string[] {
  return withoutRhetorical(questionParts(question).filter((p) => ASKING.test(p)));
}

/**
 * An asking part as the composition reads it (compose-passage.ts `AskedPart`): the query term groups
 * the part names, their weights, and for a number part (多久, 多少) a test that a sentence states
 * its number. Pure.
 */
export function askedPart(part: string, groups: string[][], weights: number[]): AskedPart {
  const norm = normaliseForIndex(part);
  const named = groups
    .map((group, i) => ({ i, weight: weights[i] ?? 0, named: group.some((t) => norm.includes(t)) }))
    .filter((g) => g.named && g.weight > 0);
  // The ask itself searched by the lexicon's words (多长时间 → 期限, 时限) names no matter of the part:
  // "工资专项集体合同期限一般为一年" does not answer "招了员工以后多长时间内要给他们办公积金".
  const matter = named.filter((g) => !asksForNumber(groups[g.i][0]));
  const own = matter.length === 0 ? named : matter;
  const terms = own.flatMap((g) => groups[g.i]);
  return {
    groups: own.map((g) => g.i),
    weights: own.map((g) => g.weight),
    holds: (text) => {
      const norm = normaliseForIndex(text);
      return terms.some((t) => textHolds(norm, t));
    },
    ...(asksForNumber(part) ? { states: (text: string) => numberLead(part, text) !== undefined } : {}),
    ...(asksForConditions(part) ? { enumerates: true } : {}),
  };
}
