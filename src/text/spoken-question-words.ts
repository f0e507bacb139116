/**
 * Spoken and northern question words in their standard form: 啥 → 什么, 咋 → 怎么, 啥时候 → 什么时候,
 * Shandong's 多钱 → 多少钱. Every rule that reads a question's ask (a number, a time, a yes/no, the
 * question words left out of the query terms) is written once, for the standard words; without this
 * "最晚啥时候去办" searched 啥时候 as a topic no article holds and asked for no time at all. A
 * language fact, not a fitted rule: the words are the same question in another register.
 */
const SPOKEN_FORMS: readonly (readonly [RegExp, string])[] = [
  [/啥时候|啥时|多会儿|多咱|几时/gu, '什么时候'],
  [/为啥/gu, '为什么'],
  [/咋整|咋弄/gu, '怎么办'],
  [/咋/gu, '怎么'],
  [/啥/gu, '什么'],
  // 多钱 is 多少钱 in Shandong speech; 很多钱, 好多钱 … are amounts, not asks.
  [/(?<![很好许太这那挺])多钱/gu, '多少钱'],
];

/** `question` with its spoken question words in standard form (see SPOKEN_FORMS). Pure. */
export function standardQuestionWords(question: string): string {
  let out = question;
  for (const [pattern, standard] of SPOKEN_FORMS) out = out.replace(pattern, standard);
  return out;
}
