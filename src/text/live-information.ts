import { questionParts } from './question-parts.js';

/*
 * Questions about what is true at a moment: a timetable (地铁末班车几点), tomorrow's weather, a queue
 * now, a doctor's slots this week, a flight's delay. Policy documents
 * never state these; they are published live by the operator or the weather service. Searched anyway,
 * such a question was "answered" with a rule's unrelated time ("五时", from a coach-station rule for
 * an underground's last train) or a regulation's date of adoption. The assistant says instead that
 * this is live information and where it is found.
 */

/** A service timetable's first or last run. */
const TIMETABLE = /首班车|末班车|头班车|最后一班|首班|末班/u;
/** Asks for a clock time or date. */
const TIME_ASK = /几点|什么时候|几时|几号/u;
/** A named day or moment near now. */
const DEIXIS =
  /明天|明早|明晚|后天|今天|今晚|今早|今儿|这周[一二三四五六日天末]?|本周[一二三四五六日天末]?|这会儿|此刻|现在过去/u;
/**
 * What is live at such a moment: the weather, a queue or wait, slots or tickets left, a delay. Not a
 * clock time or opening hours: a service hall's hours (办理时间) are a field of its 办事指南.
 */
const LIVE_ASK =
  /几号|下雨|下雪|刮风|天气|气温|台风|排(?:多久|多长时间|几个小时)|(?:有没有|还有).{0,8}(?:号|票|位子|座位)|专家号|延误|晚点|停运/u;

/**
 * Whether one asking part asks live information: a timetable's time, or a near day or moment named
 * in the part with a live thing asked in its last clause, which holds the ask. Pure.
 */
function partAsksLive(part: string): boolean {
  if (TIMETABLE.test(part) && TIME_ASK.test(part)) return true;
  const clauses = part.split(/[，,]/u);
  const asking = clauses[clauses.length - 1] ?? '';
  return DEIXIS.test(part) && LIVE_ASK.test(asking);
}

/**
 * Whether a question asks live information (a timetable, the weather, a queue, slots or delays now
 * or on a near day) in its first asking part, whatever its other parts ask: what
 * follows such an ask ("…会不会下雨？适合去海边玩吗？") rests on it. A day named in the scene
 * ("今天班轮停开，退票扣手续费合理吗？") does not count. Pure.
 */
export function asksLiveInformation(question: string): boolean {
  const [first] = questionParts(question);
  return first !== undefined && partAsksLive(first);
}
