/**
 * What a question about a 办事指南 asks for, mapped to the guide's fields. A citizen asks "要多久？
 * 需要跑现场吗？"; the guide answers in 承诺办结时限 / 法定办结时限 and 到现场次数. Several asks in one
 * question are all answered, in the order the question asks them.
 */
export interface GuideAsk {
  /** What is asked, as the answer names it when the guide does not say (e.g. 办理时限). */
  label: string;
  /** Guide fields (or `## 列表` sections) that answer it, in the order shown. */
  fields: string[];
  /** Where in the question the ask was found, for ordering. */
  at: number;
}

/**
 * The asks a guide can answer and the words citizens use for them. Words come from how the
 * service-guide questions are phrased (材料/条件/多久/电话/地点/跑几次/网上/预约/快递/费用); the
 * rule is per kind of ask, not per question.
 */
const ASKS: { label: string; fields: string[]; words: RegExp }[] = [
  {
    label: '申请材料',
    fields: ['申请材料'],
    words: /材料|带什么|带哪些|交什么|交哪些|准备什么|准备哪些|提交什么|提交哪些|要带/,
  },
  {
    label: '受理条件',
    fields: ['受理条件'],
    words: /条件|什么人|哪些人|谁可以|谁能|满足|符合|要求/,
  },
  {
    label: '办理时限',
    fields: ['承诺办结时限', '法定办结时限'],
    words:
      /多久|多长时间|多少时间|几天|多少天|几个工作日|多少个工作日|时限|期限|办结|多快|要等|当天|什么时候能|多久能|几天能|批下来/,
  },
  { label: '监督投诉电话', fields: ['监督投诉电话'], words: /投诉/ },
  { label: '咨询电话', fields: ['咨询电话'], words: /电话|咨询|热线|打哪|联系方式/ },
  {
    label: '办理地点',
    fields: ['办理地点'],
    words: /地点|地址|在哪|去哪|哪里办|哪儿办|哪里受理|窗口|大厅|营业厅/,
  },
  {
    label: '到现场次数',
    fields: ['到现场次数'],
    words: /跑|现场|几趟|去几次|本人去|亲自|当面|上门/,
  },
  {
    label: '网上办理',
    fields: ['受理平台'],
    words:
      /网上办|网上申请|线上|在线|平台|网办|只能网上|网上[^，。？?！!]{0,3}(?:哪个|怎么|走)|(?:哪个|什么)系统/,
  },
  { label: '网上预约', fields: ['是否支持网上预约'], words: /预约/ },
  { label: '邮寄', fields: ['是否支持物流快递'], words: /快递|邮寄|寄到|寄回|寄给|能寄/ },
  { label: '收费', fields: ['收费'], words: /费用|收费|交钱|多少钱|免费|收钱|花钱|交费|缴费/ },
  {
    label: '实施主体',
    fields: ['实施主体'],
    words: /哪个部门|什么部门|哪个单位|哪个机关|向谁|找谁|谁办|谁负责|谁受理/,
  },
];

/**
 * The applicant's own deadline: "入境后多少天内要去办", "拿到证明书后多少天内可以申请". Guides state
 * it among the 受理条件 (应当自入境之日起三十日内…申请办理); the 办结时限 is the office's time, which
 * the 多少天 of such a question does not ask.
 */
const APPLICANT_DEADLINE = /后[^，,。？?！!]{0,4}?(?:多少|几)(?:个工作日|个月|天|日)(?:之内|以内|内)/u;

/** Where to apply online: 网上在哪提交, 网上去哪里办 — the 网上办理 ask, read before the others. */
const ONLINE_WHERE = /网上[^，。？?！!]{0,3}(?:在哪|哪里|哪儿)/u;
const ONLINE_ASK = ASKS.find((ask) => ask.label === '网上办理') as (typeof ASKS)[number];

/** The text with `length` characters from `at` blanked. */
function blanked(text: string, at: number, length: number): string {
  return text.slice(0, at) + ' '.repeat(length) + text.slice(at + length);
}

/** Each ask's words, matched throughout a question. */
const EVERY_ASK_WORD = ASKS.map((ask) => new RegExp(ask.words.source, 'gu'));

/**
 * The question with the ask words that begin a word of the guide's title blanked: "开个养老保险缴费
 * 凭证" names the guide's 参保缴费凭证 and asks no fee. An ask word counts as the title's when the
 * title holds it with the character that follows it in the question.
 */
function withoutTitleWords(question: string, title: string): string {
  if (!title) return question;
  let out = question;
  for (const words of EVERY_ASK_WORD) {
    for (const m of question.matchAll(words)) {
      const word = question.slice(m.index, m.index + m[0].length + 1);
      if (word.length > m[0].length && title.includes(word))
        out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
    }
  }
  return out;
}

/**
 * The guide asks of a question, in question order; empty when it asks none of them. `title`, the
 * guide's, keeps the words of its name from reading as asks (withoutTitleWords). Pure.
 */
export function guideAsks(question: string, title = ''): GuideAsk[] {
  question = withoutTitleWords(question, title);
  const found: GuideAsk[] = [];
  const deadline = APPLICANT_DEADLINE.exec(question);
  if (deadline) {
    found.push({ label: '申请期限', fields: ['受理条件'], at: deadline.index });
    // The deadline's 多少天 asks no 办结时限: the other asks read the question without it.
    question = blanked(question, deadline.index, deadline[0].length);
  }
  // "网上在哪提交" asks where online, the platform: its 在哪 asks no counter (办理地点).
  const online = ONLINE_WHERE.exec(question);
  if (online) {
    found.push({ label: ONLINE_ASK.label, fields: ONLINE_ASK.fields, at: online.index });
    question = blanked(question, online.index, online[0].length);
  }
  for (const ask of ASKS) {
    const m = ask.words.exec(question);
    if (!m || found.some((a) => a.label === ask.label)) continue;
    found.push({ label: ask.label, fields: ask.fields, at: m.index });
  }
  // 投诉电话 is asked with 电话: the complaint line is what is meant, not the enquiry line.
  const complaint = found.some((a) => a.label === '监督投诉电话');
  return found.filter((a) => !(complaint && a.label === '咨询电话')).sort((a, b) => a.at - b.at);
}
