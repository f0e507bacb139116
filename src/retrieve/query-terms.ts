import { partSpans } from '../text/question-parts.js';
import { isAskWord, isQuestionWord, isSceneWord } from './question-words.js';

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** A character repeated around 不 or 没: 能不能, 有没有, 行不行 (可不可以 reads 可不可). */
export const A_NOT_A_FORM = /(\p{Script=Han})[不没]\1/u;

/**
 * Query term groups without question words and single Latin letters; order kept. Single Chinese
 * characters (建, 带, 做 …) are dropped too when the question has longer terms: alone they are
 * ambiguous morphemes, and their high corpus IDF as stand-alone tokens let a short chunk full of
 * 建 outrank the one chunk that holds “无证明机关” (seen on seed-dev over the Qingdao subset) —
 * unless the lexicon gives the character official alternatives (狗 → 犬, 犬只).
 */
export function topicalGroups(groups: string[][]): string[][] {
  const kept = groups.filter((group) => {
    const head = group[0];
    return (
      head !== undefined &&
      // A glued ask the lexicon reads (多长时间 → 期限) stays, by its official alternatives.
      !(isAskWord(head) && (group.length === 1 || isQuestionWord(head))) &&
      !isSceneWord(head) &&
      !IDLE_JI_WORD.test(head) &&
      !/^[a-z]$/i.test(head)
    );
  });
  // A character the lexicon maps to official words (狗 → 犬, 犬只) is a topic, not a morpheme.
  const longer = kept.filter((group) => !isLoneCharacter(group));
  return longer.length > 0 ? longer : kept;
}

/** A group of one Chinese character the lexicon gives no alternative (建, 带, 猫): what `topicalGroups` drops. Pure. */
export function isLoneCharacter(group: readonly string[]): boolean {
  return group.length === 1 && SINGLE_HAN.test(group[0]);
}

/**
 * Words that look like a number asked and ask nothing: 好几 (several: "好几百年", "一次收好几年的"),
 * 几 after a numeral (some: "养了十几年的狗", "二十几岁"), 哪几 before a kind (哪几类, 哪几个部门: which,
 * a list — not 哪几天, which asks dates), 几乎 (almost), 几经 (after several), 几率
 * (probability), and 这段时间 (this period: "这段时间工资还照发吗" asks a yes or no).
 */
const NOT_ASKING_JI =
  /好几|[十百千万]几|哪几(?=[类种项个级条家所方部])|几乎|几经|几率|[这那](?:段|个)?时间|[这那]期间/g;
/** A query term that states a vague amount (好几百年, 十几年): the citizen's scene, no topic. */
const IDLE_JI_WORD = /^(?:好几|[零〇一二两三四五六七八九十百千万]*[十百千万]几)/u;

/** A clause asking whether: …吗, or an A-not-A form (会不会, 能不能, 贵不贵 …, `A_NOT_A_FORM`). */
const WHETHER_ASK = new RegExp(`[吗嘛]\\s*[，,。；;]?$|${A_NOT_A_FORM.source}`, 'u');
const NUMBER_WORD = /几|多少|多久|多长|什么时候|啥时候|何时|哪天|哪年/u;

/**
 * A clause asking who, where, how or what (找谁赔, 去哪儿办, 怎么申请, 有什么讲究): like a whether-ask, it
 * makes the 几 of the clauses before it the scene ("按摩椅没用几天就坏了，…我还能找谁赔？" asks who pays,
 * not how many days).
 */
const OTHER_ASK = /谁|哪里|哪儿|在哪|哪个|怎么|什么|啥/u;
/**
 * A 几 or 多少 asked in a clause of its own (是多少, 几号开幕, 几月几号结束, 几点开门: a date or a time of
 * day is asked, seldom told): not scene, whatever follows.
 */
const ASKED_IN_CLAUSE = /是(?:几|多少)|几(?:号|月|点|时)/u;

/**
 * The question with the 几 words that ask nothing blanked, offsets kept: NOT_ASKING_JI, and a 几,
 * 多少, 多久 or 多长 in the scene a question sets before asking whether or who, where, how, what
 * ("孩子想捡几个带回家孵，这样可以吗？", "朋友来青岛玩几天，不住酒店…需要去派出所登记吗？", "没用几天就坏了
 * …找谁赔？", "当初也没说住多久…他不愿意搬怎么办？"): within one part of the question
 * (question-parts.ts), the clauses before one that asks so count nothing, when neither that clause
 * nor any after it holds a number word and none of them asks its own number (是几号).
 */
export function withoutIdleJi(question: string): string {
  let out = question.replace(NOT_ASKING_JI, (word) => ' '.repeat(word.length));
  for (const [start, end] of partSpans(out)) {
    const clauses = out.slice(start, end).split(/(?<=[，,。；;])/u);
    const ask = clauses.findLastIndex((clause) => WHETHER_ASK.test(clause) || OTHER_ASK.test(clause));
    if (ask < 1 || clauses.slice(ask).some((clause) => NUMBER_WORD.test(clause))) continue;
    if (clauses.slice(0, ask).some((clause) => ASKED_IN_CLAUSE.test(clause))) continue;
    const scene = clauses
      .slice(0, ask)
      .join('')
      .replace(/几|多少|多久|多长/gu, (word) => ' '.repeat(word.length));
    out = out.slice(0, start) + scene + out.slice(start + scene.length);
  }
  return out;
}

/** Questions that want a number, an amount or a date (多少/几/何时 …). */
export function asksForNumber(question: string): boolean {
  return /多少|几[个项家处年月日天次条种类万亿%]?|何时|什么时候|哪年|哪一年|时间|日期|比例|比重|占比|金额|标准|期限|多久|多长/.test(
    withoutIdleJi(question),
  );
}

/** 材料/条件 with an ask after it: 材料都需要什么, 条件有哪些. */
const MATERIALS_ASKED = '(?:材料|条件)(?:有哪|是什么|都需要|需要什么|要什么)';
const LIST_ASK = new RegExp(
  `哪些|哪几|包括什么|包括哪|有什么|分别|(?:什么|啥)(?:样的)?(?:材料|条件|证件|手续|资料)|${MATERIALS_ASKED}`,
  'u',
);
const CONDITIONS_ASK = new RegExp(
  `(?:哪些|哪几[种项类个]?|什么|啥)(?:样的)?(?:条件|材料|情形|情况|证件|手续|资料)|${MATERIALS_ASKED}`,
  'u',
);

/**
 * Questions that want an enumeration (哪些 …, 要带什么材料, 材料都需要什么). 材料 or 条件 alone asks
 * nothing: "交了材料后多久能拿到" wants a time, "符合条件的企业如何申请" a procedure.
 */
export function asksForList(question: string): boolean {
  return LIST_ASK.test(question);
}

/**
 * Whether a question asks for the conditions, materials, documents or cases that apply (哪些条件,
 * 要什么材料, 哪几种情形): what a text states as a list. Narrower than `asksForList`: 哪些年龄 or
 * 哪几类 may be answered by a range or a count. Pure.
 */
export function asksForConditions(question: string): boolean {
  return CONDITIONS_ASK.test(question);
}

/** Where a question asks for a number: the quantity asked for stands right before or after. */
const NUMBER_QUESTION = /多少|几|多久|多长|多大|多高/;

/** A measure word between 几/多少 and the noun counted (几个学员, 多少名教练, 几辆车). */
const MEASURE_WORD = /^(?:个|名|位|辆|项|家|条|种|件|张|台|棵|只|间|套|所|座|批|户)/u;

/** Number questions that ask how long something takes or lasts. */
const DURATION_ASK = /^(?:多久|多长)$/;

/**
 * A unit of time right after 几/多少 (几年, 多少天, 几个月, 几个工作日): the ask is a span like 多久,
 * and the word before it is the event timed (闲置几年, 能休几天), which a text states as 连续3年不使用.
 * Not 几年级, 多少年龄.
 */
const TIME_UNIT_AFTER = /^个?(?:年(?![级龄])|天|日|月|小时|周|星期|工作日|分钟)/u;

/** Words naming a span of time, the quantity a duration ask may name before it (有效期, 期限, 提前). */
const TIME_SPAN = /(?:期|限|间|长|时|假|提前)$/u;

/**
 * Words that place an event in time (交到手上以后多少天内, 材料交齐以后几天, 献多少以后): they relate the
 * number to the event and are never the quantity asked, which a text would then have to name.
 */
const TIME_RELATION = /^(?:以后|之后|以前|之前|以内|之内|以上|以下|左右|前后)$/u;

/** How a rule states an advance without the word 提前: a span before 前 (三日前, 四十八小时前, 三个月前). */
const ADVANCE_STATED = ['日前', '天前', '月前', '小时前', '周前'];

/**
 * How a rule states a share: 百分之六十以上, 三分之二, 过半数, 60%. A count of the parties who must
 * consent (多少户同意, 几名业主联名) is stated that way — "申请安装供热设施户数达到单元总户数百分之六十
 * 以上", without the asker's 同意. (A share asked by name, 占比多少, keeps its name: a text stating
 * another quantity's share, 增长12%, would pass for it.)
 */
const SHARE_STATED = ['百分之', '分之', '半数', '%', '％'];
/** A count of parties (户, 人, 名 …) right after 多少/几, with the consent counted after it. */
const PARTY_MEASURE = /^(?:户|人|名|位|家)/u;
/** Acts of the parties a rule counts by their share (同意, 提议, 联名 …); number-phrases.ts reads them too. */
export const CONSENT_ACTS = '同意|提议|申请|签字|签名|联名|表决|赞成|投票';
const CONSENT_WORDS = new RegExp(`^(?:${CONSENT_ACTS})$`, 'u');

/** What may stand between a quantity and its question word: 目标是多少, 占比要达到多少, 最高为多少. */
const QUANTITY_LINK =
  /^(?:是|为|有|要|能|可|将|会|的|得|约|共|一共|总共|大概|大约|达|达到|到|给|给予|保证|保持|不低于|不少于|不超过|最高|最低|最多|最少|最长|最短)*$/;

/**
 * Words naming a goal or a count rather than a quantity of their own: “比重目标是多少” asks for
 * the 比重, and policy texts state goals as “力争……比重达到12%”, without the word 目标; “基站
 * 数量是多少” asks how many 基站, which a text states as “基站数达4.5万个”.
 */
const GOAL_WORDS = /^(?:目标|指标|任务|预期|预期目标|目标值|数量|数目|个数|总数)$/;

/**
 * A question after someone's age: 孩子多大, 多大年龄, 几岁, 多少岁. The person before 多大 is not
 * the asked quantity ("孩子多大才能骑电动自行车" is answered by 年满16周岁, which names no 孩子);
 * texts state ages in 周岁, 岁 or as a 年龄.
 */
const AGE_PERSON_WORDS = '孩子|小孩|儿童|娃|宝宝|子女|学生|老人|未成年人|青少年|人';
const AGE_LINK = '(?:要|得|须|需|需要|才|能|可以|的|年龄)*多大(?!面积|的)';
const AGE_QUESTION = new RegExp(
  `(?:${AGE_PERSON_WORDS})${AGE_LINK}|多大年龄|多大岁数|年龄多大|年龄(?:是|为|要|得)?(?:多少|几)|几岁|多少岁`,
  'u',
);
/** Whether a question asks someone's age (孩子多大, 几岁, 退休年龄是多少). Pure. */
export function asksAge(question: string): boolean {
  return AGE_QUESTION.test(question);
}

/**
 * The person whose age is asked ("孩子" in "孩子多大才能骑电动自行车", "孩子几岁可以骑电动车"): who asks, not what the
 * answer names. Texts state the age alone (年满16周岁); read as a topic, 孩子 → 儿童, 未成年人
 * drew the article on carrying children instead.
 */
export const AGE_PERSON = new RegExp(
  `(?:${AGE_PERSON_WORDS})(?=${AGE_LINK}|(?:要|得|须|需|才|能|满|到)*(?:几岁|多少岁))`,
  'gu',
);
const AGE_TERMS = ['周岁', '年龄', '岁'];

/**
 * A question after a time of day: 几点 (几点开门, 末班车几点), not 几点意见 or 哪几点 (which points).
 * Rules state a time of day as 二十二时至次日六时, 十二时至十四时, 晚上十点以后; a passage stating
 * none does not answer it, however many of the question's words it holds: "地铁1号线末班车几点" was
 * answered with the approval of timetables, and "最后一班车几点从青岛北站发车" with a bus station's
 * 二十二时至次日五时. The periods of a day that rules define in hours (夜间, 午间, 昼间: "午间，是指…
 * 十二时至十四时") state a time of day too: "不得在午间和夜间从事产生噪声污染的装饰装修" answers
 * "楼上装修几点以后不能干", and the definition that gives the hours is found for it (the quantity
 * veto refused that question before, measured 2026-12-02; no eval figure moved).
 */
const CLOCK_TIME_ASK =
  /(?<![哪这以下面])几点(?:钟)?(?!意见|建议|要求|原则|内容|措施|注意|说明|做法|经验|理由)/u;
const CLOCK_TIME_TERMS = [
  '时至',
  '时起',
  '时止',
  '时前',
  '时后',
  '时以前',
  '时以后',
  '时许',
  '点至',
  '点到',
  '点前',
  '点后',
  '点以前',
  '点以后',
  '点钟',
  '夜间',
  '午间',
  '昼间',
];

/** Whether a question asks for a time of day (几点开门, 末班车几点; not 几点意见). Pure. */
export function asksTimeOfDay(question: string): boolean {
  return CLOCK_TIME_ASK.test(question);
}

/**
 * The quantity a number question asks for: 增长 in “增长目标是多少”, 占比 in “占比要达到多少”,
 * 贴息 in “再给予多少贴息”. A passage that states some other quantity of the same subject (a
 * share target where a growth target was asked) does not answer it. Undefined when the question
 * does not ask for a number this way. Pure; `question` normalised as the query terms were.
 */
export function askedQuantity(question: string, groups: string[][]): string[] | undefined {
  if (AGE_QUESTION.test(question)) return AGE_TERMS;
  if (CLOCK_TIME_ASK.test(question)) return CLOCK_TIME_TERMS;
  question = withoutIdleJi(question);
  const match = NUMBER_QUESTION.exec(question);
  if (!match) return undefined;
  const at = match.index;
  const after = at + match[0].length;
  const candidates = groups.filter(
    (g) =>
      !SINGLE_HAN.test(g[0]) && !QUANTITY_LINK.test(g[0]) && !isAskWord(g[0]) && !TIME_RELATION.test(g[0]),
  );
  // 多少 and 几 count the word after them (多少天, 几个基站); 多久 and 多长 ask a duration, and the
  // word after them is the event timed (提前多久打招呼, 多久办结, 多长时间来一次), which a text
  // states as 提前六十日书面通知 or 二十个工作日内, without the asker's verb.
  const duration = DURATION_ASK.test(match[0]);
  const span = duration || TIME_UNIT_AFTER.test(question.slice(after));
  // 几个学员, 多少名教练: the counted noun stands after the measure word. 哪几项税费 asks which
  // ones, not how many: a text names them (关税、增值税) without the word 税费.
  const which = question[at - 1] === '哪';
  const counted = which ? after : after + (MEASURE_WORD.exec(question.slice(after))?.[0].length ?? 0);
  const following = duration
    ? undefined
    : candidates.find((g) => question.startsWith(g[0], after) || question.startsWith(g[0], counted));
  if (following && CONSENT_WORDS.test(following[0]) && !which && PARTY_MEASURE.test(question.slice(after)))
    return [...following, ...SHARE_STATED];
  if (following) return following;
  let best: { group: string[]; end: number } | undefined;
  for (const group of candidates) {
    const start = question.lastIndexOf(group[0], at - group[0].length);
    if (start < 0) continue;
    const end = start + group[0].length;
    if (!QUANTITY_LINK.test(question.slice(end, at))) continue;
    // Before 多久/多长 a time span is the quantity (有效期多长); a verb is the event timed (能干多长时间).
    if (span && !TIME_SPAN.test(group[0])) continue;
    if (!best || end > best.end) best = { group, end };
  }
  // A goal's or a count's quantity is the word right before it (增长 in 增长目标, 基站 in 基站数量目标).
  while (best && GOAL_WORDS.test(best.group[0])) {
    const goalStart = best.end - best.group[0].length;
    const before = candidates.find(
      (g) => question.lastIndexOf(g[0], goalStart - g[0].length) === goalStart - g[0].length,
    );
    best = before && { group: before, end: goalStart };
  }
  // An advance is stated as 提前七日 or as 期满六十日前: both name it (ADVANCE_STATED).
  if (best?.group[0] === '提前') return [...best.group, ...ADVANCE_STATED];
  return best?.group;
}
