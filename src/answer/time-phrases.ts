/*
 * The words of a time asked and of the phrases that answer it, for the number lead (compose-lead.ts):
 * how often (每年进行一次), a time of day (二十二时), a date or a deadline (十一月十六日, 三十日前), a span and
 * the period it is of (试用期, 期限为…八年), and what a span is not (a condition's threshold, months of pay).
 */

/**
 * A named period: 试用期, 保修期, 公示期限, 合同期限 — what it is of, the two characters before 期. Not
 * 领取失业保险金的期限 (any span is a 期限 of something) nor 期满.
 */
const PERIOD_NOUN = /(\p{Script=Han}{2})期(?!满)/gu;
const NOT_A_NAME = /[的之其该此为]$/u;

/** Whether a sentence names a period the question does not name ("新房…多久" and 公示期限). */
export function namesOtherPeriod(sentence: string, question: string): boolean {
  return [...sentence.matchAll(PERIOD_NOUN)].some(([, of]) => !NOT_A_NAME.test(of) && !question.includes(of));
}

/** Asks how often something happens: 多久查一次, 多长时间来一次, 一年几次, 几年一次. */
export const FREQUENCY_ASK =
  /(?:多久|多长时间|几年|几个月|多少年)[^，,。？?]{0,5}?[一1](?:次|回)|(?:一年|每年|一个月|每月|一周|每周)[^，,。？?]{0,4}?几(?:次|回)/u;
/** How often a text says it happens: 每年进行一次, 每两年至少一次, 每季度两次, 至少每年一次. */
export const FREQUENCY_PHRASE =
  /每(?:[一二两三四五六\d]+)?(?:个)?(?:年|半年|季度|月|周|日|天|学期)[^，,。；;]{0,16}?[一二两三四五六七八九十\d]+次/u;

/** Asks a time of day: 几点, 几点钟, 什么时间点. */
export const CLOCK_ASK = /几点|什么时间点/u;
/** Asks when: a date or a time of day. */
export const DATE_ASK = /什么时候|啥时候|何时|哪天|哪一天|几号|几月|哪年|哪一年/u;
/**
 * Asks how far in advance: 提前多久, 得提前几天, 提前多少天. Answered by a span stated as an advance
 * (提前七日, 期满六十日前, 交付使用前五日), never by a time limit (十个工作日内核实) nor a term.
 */
export const ADVANCE_ASK =
  /提前(?:多久|多长时间|多长|多少时间|几天|几日|多少天|多少日|几个月|几周|几个?小时|多少小时)/u;
/** Before a span, what makes it an advance: 提前七日, 交付使用前五日. */
export const ADVANCE_BEFORE = /(?:提前|前)$/u;
/** After a span, what makes it an advance: 期满六十日前, 停水二十四小时以前. */
export const ADVANCE_AFTER = /^(?:前|以前|之前)/u;
/** After a span, what makes it a deadline relative to an event: 采暖期开始三十日前, 十五日内. */
export const RELATIVE_DEADLINE = /^(?:前|以前|之前|内|以内|之内)/u;
/**
 * A date or a time: 十一月十六日, 2月14日, 2025年, 每年五月, 二十二时 — not a span (一个月, 三年, 十日).
 */
export const DATE_OR_TIME =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})年|(?<!个)月|号|(?<![小个])[时点](?![间限])/u;
/** A time of day: 二十二时, 6点, 8:30 — not a span (一小时, 两个小时) nor a time (时间, 时限). */
export const CLOCK_TIME = /(?<![小个])[时点](?![间限])|\d:\d\d/u;
/** The units a span of time is stated in. */
export const TIME_UNIT = /工作日|[日天月年]|周(?!岁)|小时|分钟|时/u;

/**
 * Months counted as pay, not as time: "13个月的本人工资", "一个月工资", "6个月的统筹地区上年度职工月平
 * 均工资" state an amount of money; "3个月内照发工资" is still a span.
 */
export const WAGES_AFTER = /^(?:的[^，。；,;]{0,14}?)?(?:工资|薪金|薪酬)/u;

/** What a condition's threshold follows (超过三年的, 满一年, 不足五年), unlike a bound (不超过, 不得超过). */
export const CONDITION_THRESHOLD = /(?:(?<!不|不得)超过|满|不足|不满)$/u;
/** A period stated before its length: 有效期限为…八年, 承包期一般为五年. */
export const PERIOD_STATED = /期(?:限)?(?:一般)?(?:为|是)/u;
