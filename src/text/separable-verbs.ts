import { isDictionaryVerb } from './verb-compounds.js';

/*
 * Separable verbs (离合词) split by a measure word: a citizen says 游个泳, 抽根烟, 打个车, 洗个澡;
 * rules say 游泳, 吸烟 (抽烟 in the lexicon), 出租汽车 (打车). Split, the halves are single
 * characters the search drops. Joined, the verb is searched, with its lexicon words.
 */

/** A character, a measure word, a character: 游个泳, 抽根烟, 睡个觉. */
const SPLIT_VERB = /(\p{Script=Han})(?:个|根|支|口|次|趟|场|把|顿)(\p{Script=Han})/gu;

/**
 * Points given or taken split by their number: 扣了3分, 扣几分, 减1分, 记12分. The verb is
 * 扣分 (记分 in the rules, through the lexicon), and the number stays for what is asked or stated.
 * Not 分钟 or 分之 (几分钟, 三分之一).
 */
const SPLIT_POINTS = /([扣记减加])([了掉]?(?:\d+|[零〇一二两三四五六七八九十几]+)分)(?![钟之])/gu;

/** The text with each verb split by a measure word joined again, when jieba's dictionary has it as a verb. */
export function joinedSeparableVerbs(text: string): string {
  return text
    .replace(SPLIT_VERB, (whole, first: string, second: string) =>
      isDictionaryVerb(first + second) ? first + second : whole,
    )
    .replace(SPLIT_POINTS, (_whole, verb: string, points: string) => `${verb}分 ${points}`);
}
