import type { DocumentMeta } from '../domain.js';

/*
 * One certificate has a 办事指南 for each thing done with it: 《残疾人证》新办证申请, 挂失补办, 换领,
 * 注销, 迁入, 迁出, 类别/等级变更. Their fields differ (材料, 时限, 收费) and retrieval scores them
 * almost alike on the words they share, so "第一次办残疾人证要准备哪些材料" met the 注销 guide. The
 * citizen names the action in their own words (第一次, 丢了, 换个新的, 去世了); the guide of that
 * action answers.
 */

interface GuideAction {
  name: string;
  /** How a guide's title names the action. */
  inTitle: RegExp;
  /** How a citizen names it. */
  asked: RegExp;
}

const ACTIONS: readonly GuideAction[] = [
  {
    name: '新办',
    inTitle: /新办|首次申领|初次申领|核发|初次申请|首次申请/u,
    asked: /第一次|首次|初次|头一次|头一回|新办|从来没办过/u,
  },
  {
    name: '补办',
    inTitle: /补办|补发|补领|挂失|遗失/u,
    asked: /丢了|丢失|弄丢|遗失|找不着|找不到|被偷|补办|补发|补领|挂失/u,
  },
  {
    name: '换领',
    inTitle: /换领|换发|更换|换证/u,
    asked: /换(?:个|一个|张|一张|本|一本)?新|换领|换发|更换|磨损|磨得|看不清|污损|破损|损坏/u,
  },
  { name: '注销', inTitle: /注销/u, asked: /注销|去世|过世|死亡|不在了/u },
  { name: '迁入', inTitle: /迁入|转入|调入/u, asked: /迁入|转入|调入|迁到|转到|调到|迁来|转来/u },
  { name: '迁出', inTitle: /迁出|转出|调出/u, asked: /迁出|转出|调出|迁走|转走|调走/u },
];

const ALL_TITLE_ACTIONS = new RegExp(ACTIONS.map((a) => a.inTitle.source).join('|'), 'gu');

/** The one action a question names (丢了 → 补办), undefined for none or several. Pure. */
export function askedAction(question: string): string | undefined {
  const named = ACTIONS.filter((a) => a.asked.test(question));
  return named.length === 1 ? named[0].name : undefined;
}

/** The action a guide's title names (…挂失补办 → 补办), undefined for none or several. Pure. */
export function titleAction(title: string): string | undefined {
  const named = ACTIONS.filter((a) => a.inTitle.test(title));
  return named.length === 1 ? named[0].name : undefined;
}

/** A title without its action and filler words: the certificate or matter it is about. */
function matterOf(title: string): string {
  return title
    .replace(ALL_TITLE_ACTIONS, '')
    .replace(/申请|办理|业务/gu, '')
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** Two titles of one matter: the same once actions and filler are gone, give or take one character (…证 新办证). */
function sameMatter(a: string, b: string): boolean {
  const [x, y] = [matterOf(a), matterOf(b)].sort((p, q) => p.length - q.length);
  return x.length >= 2 && y.includes(x) && y.length - x.length <= 1;
}

/**
 * The id of the guide to answer from: `top`'s, or its sibling's of the action the question names
 * (actionSibling). Only when `top` names another action are guides listed, and only those of its
 * authority (`guides(authority)`): siblings are one authority's records, and a PostgreSQL store then
 * returns one authority's guide rows, not all of them (measured 2026-12-01 on the full corpus: 2,262
 * guides of 177 authorities, at most 289 of one; the 54 sibling pairs all share theirs).
 */
export async function guideOfAskedAction(
  question: string,
  top: DocumentMeta,
  guides: (authority: string | undefined) => Promise<DocumentMeta[]>,
): Promise<string> {
  const asked = askedAction(question);
  const has = titleAction(top.title);
  if (top.type !== '办事指南' || !asked || !has || has === asked) return top.id;
  return actionSibling(question, top, await guides(top.authority))?.id ?? top.id;
}

/**
 * The guide of the action the question names, when the guide `top` is of the same matter but of
 * another action and the index holds one of that action for the same region and authority: "第一次
 * 办残疾人证" → 《残疾人证》新办证申请 instead of …注销. Undefined when the question names no single
 * action, `top` already is of it or names none, or no such guide is indexed. Pure.
 */
export function actionSibling(
  question: string,
  top: DocumentMeta,
  guides: readonly DocumentMeta[],
): DocumentMeta | undefined {
  const asked = askedAction(question);
  const has = titleAction(top.title);
  if (!asked || !has || has === asked) return undefined;
  return guides.find(
    (g) =>
      g.id !== top.id &&
      g.type === '办事指南' &&
      g.region === top.region &&
      g.authority === top.authority &&
      titleAction(g.title) === asked &&
      sameMatter(g.title, top.title),
  );
}
