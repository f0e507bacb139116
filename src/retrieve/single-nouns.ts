import { dictionaryTag, generalFrequency } from '../text/general-rarity.js';
import { type QueryGroup, queryGroup } from '../text/tokenizer.js';
import { isLoneCharacter } from './query-terms.js';
import { isAskWord, isSceneWord } from './question-words.js';

/**
 * jieba's count above which a one-character noun is too common to say what a question is about
 * (水 24,314, 门 39,823, 人 313,209); 猫 1,908, 烟 3,894 and 税 2,494 stay under it.
 */
const MAX_GENERAL_FREQUENCY = 10_000;

/**
 * Weight of a one-character noun in the keyword search, against 1 for a word of the question.
 * Chosen on the tune halves (2026-12-03) among 0.25, 0.4 and 0.6: 0.4 and 0.6 moved the same tune
 * questions (fresh-qd6 tune 0.371 → 0.403), 0.25 none; the lower of the two is kept.
 */
export const SINGLE_NOUN_WEIGHT = 0.4;

/**
 * The one-character nouns of a question (猫, 烟, 税, 坟) that the lexicon does not map, as groups
 * for the keyword search only, at `SINGLE_NOUN_WEIGHT`. `topicalGroups` drops such a character as
 * an ambiguous morpheme, and kept at full weight it had cost other answers (docs/answers.md, tenth
 * round); at a low weight it only tells apart passages that hold the question's other words
 * ("猫坐地铁" finds the rule listing 犬、猫 among what may not be carried). The coverage that decides
 * whether to answer does not read them. Pure given jieba's dictionary.
 */
export function singleNounGroups(groups: readonly (readonly string[])[]): QueryGroup[] {
  const out: QueryGroup[] = [];
  for (const group of groups) {
    if (!isLoneCharacter(group)) continue;
    const term = group[0];
    if (isAskWord(term) || isSceneWord(term) || out.some((g) => g[0] === term)) continue;
    if (dictionaryTag(term) !== 'n' || generalFrequency(term) > MAX_GENERAL_FREQUENCY) continue;
    out.push(queryGroup([term], [SINGLE_NOUN_WEIGHT]));
  }
  return out;
}
