/**
 * A compact stopword list for Chinese policy text: function words, pronouns, and the connective
 * phrases of official prose (根据, 按照, 有关 …) that appear in nearly every document and carry no
 * retrieval signal. Deliberately NOT stopwords: negations (不, 无, 未, 非, 不得, 禁止), modals that
 * change obligations (应当, 必须). Question words (如何, 多少, 几个, 有没有) are stopwords: they
 * never occur in the answer passage, and counting them would lower query-coverage scores.
 */
const WORDS = `
的 地 得 了 着 过 之 其 所 者 也 矣 乎 哉 焉
和 与 及 以及 并 并且 或 或者 而 而且 且 跟 同 暨 还有 还是
是 为 即 乃 系 有 在 于 对 对于 关于 向 从 自 由 被 把 将 让 给 以 用 因 因为 所以 因此 故
等 等等 之一 之类 各 各个 各类 各项 各种 每 每个 该 此 这 这个 这些 那 那个 那些 本 其他 其它 其中
我 我们 你 你们 您 他 他们 她 它 它们 自己 大家 咱们
个 些 种 次 项 条 件 位 名
年 月 日 号
吗 呢 吧 啊 呀 嘛 哦 么
如何 怎么 怎样 怎么样 怎么办 哪些 哪里 哪儿 哪个 哪 何 啥 什么 为什么 请问 请 想 想要 需要 能否 能不能 可不可以 是否
多少 几 几个 几项 哪几个 哪几项 哪些方面 哪些地方 哪家 何时 何种 多久 什么样 什么时候 一共 总共 有没有 有无 这份 打算 中 到
都 也 又 再 就 才 还 已 已经 曾 曾经 正在 将要 会 能 要 可 把 被 一 一个 一些
但 但是 然而 如果 若 假如 虽然 虽 即使 只要 只有 除 除了 此外 另外 同时 然后 其次 首先 最后
根据 按照 依照 依据 遵照 通过 经过 为了 以便 以免 进行 有关 相关 相应 上述 下列 如下 以下 以上 之间 方面 问题
`;

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** True when `term` (already normalised) is a stopword. */
export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
