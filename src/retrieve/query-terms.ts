/**
 * Words that shape a question but say nothing about its topic. They are dropped from the query
 * terms used for the relevance signal and for sentence selection (BM25 gives them little weight
 * anyway, but coverage must not count "怎么" as evidence that a passage answers).
 */
const QUESTION_WORDS = new Set([
  '什么',
  '多少',
  '几',
  '几个',
  '哪些',
  '哪个',
  '哪里',
  '哪儿',
  '哪',
  '如何',
  '怎么',
  '怎样',
  '怎么样',
  '是否',
  '吗',
  '呢',
  '吧',
  '啊',
  '请问',
  '请',
  '问',
  '一下',
  '告诉',
  '我',
  '我们',
  '你',
  '您',
  '想',
  '要',
  '需要',
  '能',
  '能否',
  '可以',
  '可否',
  '有没有',
  '有',
  '没有',
  '是',
  '的',
  '了',
  '内容',
  '规定',
  '具体',
  '一般',
  '何时',
  '什么时候',
  '时候',
  '为什么',
  '为何',
  '多久',
  '多长',
  '哪年',
  '今年',
  '明年',
  '去年',
  '现在',
  '目前',
  '呀',
  '么',
  '怎',
  '啥',
  '咋',
  '办',
  '该',
  '应该',
  '应当',
  '会',
  '对',
  '关于',
  '情况',
  '方面',
]);

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * Query term groups without question words and single Latin letters; order kept. Single Chinese
 * characters (建, 带, 做 …) are dropped too when the question has longer terms: alone they are
 * ambiguous morphemes, and their high corpus IDF as stand-alone tokens let a short chunk full of
 * 建 outrank the one chunk that holds “无证明机关” (seen on seed-dev over the Qingdao subset).
 */
export function topicalGroups(groups: string[][]): string[][] {
  const kept = groups.filter((group) => {
    const head = group[0];
    return head !== undefined && !QUESTION_WORDS.has(head) && !/^[a-z]$/i.test(head);
  });
  const longer = kept.filter((group) => !SINGLE_HAN.test(group[0]));
  return longer.length > 0 ? longer : kept;
}

/** Questions that want a number, an amount or a date (多少/几/何时 …). */
export function asksForNumber(question: string): boolean {
  return /多少|几[个项家处年月日天次条种类万亿%]?|何时|什么时候|哪年|哪一年|时间|日期|比例|比重|占比|金额|标准|期限|多久|多长/.test(
    question,
  );
}

/** Questions that want an enumeration (哪些 …). */
export function asksForList(question: string): boolean {
  return /哪些|哪几|包括什么|包括哪|有什么|分别|材料|条件/.test(question);
}
