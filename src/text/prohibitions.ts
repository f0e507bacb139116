/*
 * Prohibitions asked and stated. A citizen asks what is forbidden or refused ("中介机构有哪些做法是
 * 明令禁止的", "哪些事不能干", "哪些情况下人家会不给办"); rules state it ("职业中介机构不得有下列行为：",
 * "有下列情形之一的，婚姻登记机关不予登记：").
 */

/** A question naming a prohibition or a refusal. */
const FORBIDDEN_ASK = /禁止|不能|不准|不许|不让|不得|不给|不予|明令|不可以/u;

/** A sentence that forbids or refuses. */
const PROHIBITIVE = /不得|禁止|严禁|不准|不能|不可以|不予|无权|不允许|不属于/gu;

/**
 * 不能 and 不可以 say what cannot be, and a rule names who or what cannot in a clause closed by 的:
 * "不能当场告知的，应当…" (a condition), "确实不能到校就读的…儿童" (whom a duty serves). There they
 * forbid nothing; 不得, 禁止 and the rest forbid wherever they stand.
 */
const DESCRIBED_INABILITY = /^(?:不能|不可以)[^，,；;。：:！？]*的/u;

/** A prohibition announcing the list it applies to, in either order, within one clause. */
const FORBIDDEN_LIST =
  /(?:不得|禁止|严禁|不予|不准)[^。；]{0,30}(?:下列|以下)|(?:下列|以下)[^。；]{0,30}(?:不得|禁止|严禁|不予|不准)/u;

/** Whether the question names a prohibition or a refusal (禁止, 不能, 不给办). Pure. */
export function asksWhatIsForbidden(question: string): boolean {
  return FORBIDDEN_ASK.test(question);
}

/** Whether a sentence forbids or refuses (不得, 禁止, 不予 …). Pure. */
export function statesProhibition(sentence: string): boolean {
  for (const m of sentence.matchAll(PROHIBITIVE)) {
    if (!DESCRIBED_INABILITY.test(sentence.slice(m.index))) return true;
  }
  return false;
}

/** Whether a text announces a list of what is forbidden or refused ("不得有下列行为："). Pure. */
export function announcesForbiddenList(text: string): boolean {
  return FORBIDDEN_LIST.test(text);
}
