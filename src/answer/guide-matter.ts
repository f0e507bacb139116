import type { Retrieval } from '../domain.js';
import type { StoredDocument } from '../index/search-store.js';
import { termWeights } from '../retrieve/relevance.js';
import { normaliseForIndex } from '../text/normalise.js';
import { isPlaceGroup } from '../text/place-names.js';
import { askedAction } from './guide-actions.js';

/*
 * A 办事指南 answers a question only about its own matter. "在广州申请公租房要满足什么条件？" met a
 * radio-station licence guide of 广州 whose 受理条件 field the question's ask words and place
 * matched; the guide never names 公租房 nor 公共租赁住房. A question's heaviest word that the lexicon
 * knows official forms of (公租房 → 公共租赁住房, 社保卡 → 社会保障卡) names the matter: a guide
 * holding none of them is about another — unless its title names another weighty word of the question
 * ("毕业证丢了…能开学历证明书吗" meets 出具…学历证明书: the lost 毕业证 is the scene, not the matter).
 * A word the lexicon does not know (社工证, 二建, 中职) may be a short name the guide spells out, so it
 * decides nothing; the action words (丢了, 补办: guide-actions.ts) name no matter.
 */

/** Share of the matter word's weight from which another word in the guide's title names its matter. */
const TITLE_WORD_SHARE = 0.5;

/**
 * The question's matter word when the guide's text (`guideText`, normalised) holds neither it nor
 * any of its lexicon forms, else undefined. `groups` are the retrieval's term groups (the word as
 * asked first, its lexicon forms after), `weights` theirs (relevance.ts `termWeights`); `title` the
 * guide's, normalised. Pure.
 */
export function matterNotInGuide(
  groups: readonly (readonly string[])[],
  weights: readonly number[],
  guideText: string,
  title: string,
): string | undefined {
  let top = -1;
  groups.forEach((group, i) => {
    if (isPlaceGroup(group) || (weights[i] ?? 0) <= 0) return;
    if (top < 0 || weights[i] > weights[top]) top = i;
  });
  if (top < 0) return undefined;
  const matter = groups[top];
  if (matter.length < 2 || matter.some((term) => guideText.includes(term))) return undefined;
  const titled = groups.some(
    (group, i) =>
      i !== top &&
      !isPlaceGroup(group) &&
      askedAction(group[0]) === undefined &&
      (weights[i] ?? 0) >= TITLE_WORD_SHARE * weights[top] &&
      group.some((term) => title.includes(term)),
  );
  return titled ? undefined : matter[0];
}

/** `matterNotInGuide` for a stored guide and the retrieval's terms. Pure. */
export function guideOfOtherMatter(
  guide: StoredDocument,
  terms: NonNullable<Retrieval['terms']>,
): string | undefined {
  return matterNotInGuide(
    terms.groups,
    termWeights(terms.groups, terms.idf),
    normaliseForIndex(`${guide.meta.title}\n${guide.text}`),
    normaliseForIndex(guide.meta.title),
  );
}
