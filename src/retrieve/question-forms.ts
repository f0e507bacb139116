import { joinedSeparableVerbs } from '../text/separable-verbs.js';
import { isSingleVerb } from '../text/verb-compounds.js';
import { A_NOT_A_FORM, AGE_PERSON } from './query-terms.js';
import { withoutStatedValues } from './stated-values.js';

/*
 * How a citizen's question is read before its terms are cut: the forms of spoken grammar that jieba
 * would otherwise cut into rare-looking topics no rule holds (A-not-A asks, how-much words, a measure
 * word that is also a verb, 点/些 between an act and its object), and the values and persons that
 * say whose case it is rather than what is asked.
 */

/**
 * A-not-A questions (能不能, 行不行, 是不是, 可不可以, 有没有 …): the same verb or adjective
 * affirmed and negated asks yes or no, and says nothing of the topic. jieba cuts them with their
 * neighbours into terms that read as topical and weigh as rare words: "能不能自己锯掉" gives
 * 不能自己 (weight 10.1, above 树木's 3.4), "后座带个小孩行不行" gives 行不行 (10.5), and a
 * passage lacking them was counted as not covering the question.
 */
const A_NOT_A = new RegExp(A_NOT_A_FORM.source, 'gu');

/**
 * The question with each A-not-A form replaced by its affirmative (能不能 → 能, 可不可以 → 可以,
 * 有没有 → 有), so the terms are those of the statement asked about. Only a character repeated
 * around 不/没 is touched: 不能, 不要, 不得 stand as written. Pure.
 */
export function affirmativeQuestion(question: string): string {
  // Set apart from the word before it: "在阳台上放行不行" read as 放行 (customs clearance).
  return question.replace(A_NOT_A, '，$1');
}

/**
 * How-much words made of 多 and an adjective (多大, 多高, 多远, 多宽, 多深, 多重): the ask, never
 * the topic. jieba glues them to the next word and hides the asked quantity: "最少能补多大面积"
 * gives 大面积 (weight 6.2), not 面积, and "多重的行李" gives 多重 (multiple, 7.3). 多重 only
 * before 的, a mark or the end, where it cannot be the adjective of 多重国籍. 多长 and 多久 stay:
 * the lexicon reads 多长时间 as 期限.
 */
const DEGREE_ASK = /多[大高远宽深](?=\p{Script=Han})|多重(?=的|[^\p{Script=Han}]|$)/gu;

/**
 * The question whose terms the retriever and the answerer look for: A-not-A forms read as their
 * affirmative (affirmativeQuestion), a value the citizen states (66岁, 15度) as the word for its
 * quantity (withoutStatedValues), the person whose age is asked (AGE_PERSON) and the how-much
 * words (DEGREE_ASK) blanked. Pure.
 */
export function questionForTerms(question: string): string {
  return withoutStatedValues(
    affirmativeQuestion(joinedSeparableVerbs(withoutSome(withoutVerbClassifiers(question)))),
  )
    .replace(AGE_PERSON, '，')
    .replace(DEGREE_ASK, '，');
}

/** A classifier after a demonstrative or a numeral, before its noun: 那堵墙, 一挂鞭炮, 两排树. */
const CLASSIFIER = /([这那哪一两二三四五六七八九十几每半某])(\p{Script=Han})(?=\p{Script=Han})/gu;

/**
 * The question without the classifiers that are also verbs naming an act: "那堵承重墙" measures a
 * wall with 堵, which read as the verb (to block) searched 堵塞, 封堵 and 拥堵 (single-verbs.ts) and
 * found a tax rule. Only a character `isSingleVerb` accepts, after 这/那/一/两/几 …: a noun
 * classifier (条, 辆, 棵) is no verb and stays. Pure.
 */
export function withoutVerbClassifiers(question: string): string {
  return question.replace(CLASSIFIER, (whole, before: string, classifier: string) =>
    isSingleVerb(classifier) ? `${before}，` : whole,
  );
}

/** 点 or 些 ("some") between a verb and its object: 烧点纸钱, 挖些沙子. */
const SOME_AFTER_VERB = /(\p{Script=Han})[点些](?=\p{Script=Han})/gu;

/**
 * The question with the 点/些 ("some") a citizen puts between an act and its object set apart:
 * jieba cuts "给老人烧点纸钱" into 烧点 (a word no document holds, weighed as the rarest topic) and
 * 纸钱; read as 烧，纸钱 the act is searched as its compounds (焚烧, single-verbs.ts) and the object
 * as itself. Only after a verb naming an act (烧, 挖, 晒 — `isSingleVerb`): 几点, 一点, 有点 stand
 * as written. Pure.
 */
export function withoutSome(question: string): string {
  return question.replace(SOME_AFTER_VERB, (whole, verb: string) =>
    isSingleVerb(verb) ? `${verb}，` : whole,
  );
}
