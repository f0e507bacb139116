/*
 * The words of a question that are no topic: question words, the citizen's scene, and asks jieba
 * glues to a neighbour. Read by query-terms.ts (topicalGroups, askedQuantity).
 */

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

/**
 * Words that set the citizen's scene or hedge the question — whose home (我家, 家里), a supposition
 * (要是, 的话, 万一, 就算), a feeling or a habit (觉得, 一直, 老是) — never the subject of a rule, and
 * never the words a regulation states it in. Absent from the documents, they took the corpus's
 * highest IDF (家里 3.2, 要是 4.4, 我家 5.9 after general rarity) and weighed against every passage
 * that answers a colloquial question; the calibration's generated questions, built from passage
 * words, hold none of them. So do the vague amounts 好几年, 好几天 (several: "一次收好几年的",
 * 8.6), which no article states (see NOT_ASKING_JI).
 */
const SCENE_WORDS = new Set([
  '我家',
  '自家',
  '我们家',
  '咱家',
  '家里',
  '觉得',
  '感觉',
  '要是',
  '的话',
  '就算',
  '万一',
  '一直',
  '总是',
  '老是',
  '到底',
  '究竟',
  '其实',
  '真的',
  '好像',
  '最近',
  '刚刚',
  '马上',
  // Where the citizen stands, not what the rule is about: 窗前的大树, 楼上装修, 隔壁养狗.
  '窗前',
  '门口',
  '家门口',
  '楼上',
  '楼下',
  '隔壁',
  '对面',
]);

/**
 * Measures a how-many word is glued to by jieba: 几天, 几年, 几类, 多少度, 多少钱 ask, and no
 * article holds them — as terms they took the highest IDF and counted against every passage.
 */
const ASK_MEASURE =
  '天|日|年|月|周|次|遍|趟|类|种|项|个|条|只|位|人|岁|度|元|块|钱|倍|米|公里|小时|分钟|成|级|批';

/**
 * Ask words jieba glues to a neighbour: a how-many word and its measure (几天, 多少度), who-asks
 * (由谁来, 谁来) and demonstratives (这种, 这样, 那根, 这段, and 段时间, left of 这段时间). Like the question words, they say
 * nothing of the topic.
 */
const GLUED_ASK = new RegExp(
  `^(?:(?:几|多少)(?:${ASK_MEASURE})|由谁来?|找谁|谁来|[这那](?:种|样|些|根|段|次|里|儿|么|会儿|时|边|头|条|栋|幢|块|家|位|辆|间|片|座|笔|回|阵子|方面)|[这那一]?段时间)$`,
  'u',
);

/**
 * Characters that say nothing alone (是, 从, 把, 这 …): a term made only of them ("是从" in
 * "是从哪天开始") is a function word jieba did not split.
 */
const FUNCTION_CHARS =
  /^[的地得了着过之其所者也和与及并或而且跟同是为即有在于对向从自由被把将让给以用因等各每该此这那本我你您他她它吗呢吧啊呀嘛哦么何哪几都又再就才还已曾会能要可若虽除]+$/u;

/** A question word, or an ask jieba glued to its neighbour (GLUED_ASK, FUNCTION_CHARS). */
export function isAskWord(term: string): boolean {
  return QUESTION_WORDS.has(term) || GLUED_ASK.test(term) || (term.length > 1 && FUNCTION_CHARS.test(term));
}

/** A question word (什么, 多少, 怎么 …). */
export function isQuestionWord(term: string): boolean {
  return QUESTION_WORDS.has(term);
}

/** A word of the citizen's scene or a hedge (我家, 要是, 楼上 …). */
export function isSceneWord(term: string): boolean {
  return SCENE_WORDS.has(term);
}
