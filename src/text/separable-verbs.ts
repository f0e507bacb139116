import { isDictionaryVerb } from './verb-compounds.js';

/*
 * Separable verbs (离合词) split by a measure word: a citizen says 游个泳, 抽根烟, 打个车, 洗个澡;
 * rules say 游泳, 吸烟 (抽烟 in the lexicon), 出租汽车 (打车). Split, the halves are single
 * characters the search drops. Joined, the verb is searched, with its lexicon words.
 */

/** A character, a measure word, a character: 游个泳, 抽根烟, 睡个觉. */
const SPLIT_VERB = /(\p{Script=Han})(?:个|根|支|口|次|趟|场|把|顿)(\p{Script=Han})/gu;

/** The text with each verb split by a measure word joined again, when jieba's dictionary has it as a verb. */
export function joinedSeparableVerbs(text: string): string {
  return text.replace(SPLIT_VERB, (whole, first: string, second: string) =>
    isDictionaryVerb(first + second) ? first + second : whole,
  );
}
