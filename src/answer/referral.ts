import type { Answer, Retrieval } from '../domain.js';
import { coveredPlacesSentence } from '../retrieve/guide-places.js';
import { unheldRulesSentence } from '../retrieve/named-documents.js';
import { unservedPlacesSentence } from '../retrieve/unserved-places.js';
import { bookTitle } from '../text/citation-text.js';

/** Retrieval confidence above which the top document is related enough to offer its phone. */
const RELATED_CONFIDENCE = 0.45;

/**
 * A refusal as an answer: the text is all there is (no citations), and it is grounded, since it
 * states nothing the documents would have to support.
 */
export function refusalAnswer(text: string, provider: string): Answer {
  return { answer: text, refused: true, grounded: true, citations: [], provider };
}

/**
 * The refusal when the passage or guide found is not about the question's main subject (it names
 * 居住证明 for 居住证, or it is a guide of another matter): say what is missing and refer on to the
 * hotline — not to that document's phone, since it is the one found not to be about the question.
 */
export function notAboutText(subject: string, referralLine: string): string {
  return `抱歉，现有资料中没有找到关于“${subject}”的规定，为避免误导，暂不作答。建议拨打${referralLine}。`;
}

/**
 * The refusal a citizen sees when the documents do not answer: say so plainly, do not guess, and
 * refer on — to the contact line of the most relevant document when retrieval found a related one,
 * otherwise to the configured hotline (12345 政务服务便民热线 by default).
 */
export function referralText(
  retrieval: Retrieval,
  referralLine: string,
  { amountUnstated = false }: { amountUnstated?: boolean } = {},
): string {
  const declined = declinedRefusalText(retrieval, referralLine);
  if (declined) return declined;
  const related =
    retrieval.confidence >= RELATED_CONFIDENCE ? retrieval.passages.find((p) => p.meta.phone) : undefined;
  const department = related
    ? `，或咨询${bookTitle(related.meta.title)}所列联系电话 ${related.meta.phone}`
    : '';
  const places =
    coveredPlacesSentence(retrieval.coveredPlaces) +
    unservedPlacesSentence(retrieval.unservedPlaces) +
    unheldRulesSentence(retrieval.unheldRules);
  // The matter is in the documents, the figure asked is not (answer/unstated-amount.ts).
  const found = amountUnstated
    ? '现有政策文件没有写明您问的具体数额'
    : '现有政策文件中没有找到能够回答这个问题的内容';
  return `抱歉，${found}，${places}为避免误导，暂不作答。建议拨打${referralLine}${department}。`;
}

/**
 * The refusal of a message that asks the assistant to drop its rules or reveal its prompt: say
 * that it is not done, and how to ask instead. It never repeats the message.
 */
export function declinedText(referralLine: string): string {
  return `这条消息要求助手忽略规则或透露内部设置，无法照办。如需咨询政策或办事，请直接提出具体问题；也可拨打${referralLine}。`;
}

/**
 * The refusal of a question for live information (a timetable, the weather, a queue, slots, a
 * delay): policy documents do not state it; say where it is published, and refer on.
 */
export function liveInformationText(referralLine: string): string {
  return `您问的是实时信息（如班次时刻、天气、排队、号源或延误情况），政策文件中没有，请以运营单位、气象部门或服务机构的官方发布为准。如需咨询相关政策，可拨打${referralLine}。`;
}

/** The refusal of a question declined before the search (`retrieval.declined`), or undefined. */
export function declinedRefusalText(retrieval: Retrieval, referralLine: string): string | undefined {
  if (retrieval.declined === 'override') return declinedText(referralLine);
  if (retrieval.declined === 'live') return liveInformationText(referralLine);
  return undefined;
}
