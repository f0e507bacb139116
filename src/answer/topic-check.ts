import type { Passage } from '../domain.js';
import { holdsTerm } from '../retrieve/relevance.js';
import { normaliseForIndex } from '../text/normalise.js';

/*
 * Whether the passage an answer would quote is about the question's main subject, or only names
 * it: the extractive answerer refuses with "没有找到关于“X”的规定" rather than quote such a passage.
 */

/**
 * Share of the question's term weight from which one term group is its main subject: "我想办居住证
 * 需要什么材料？" is about 居住证 whatever else a passage matches.
 */
export const DOMINANT_TOPIC_SHARE = 0.5;

/**
 * The main subject of the question when the passage holds it only inside another word (a passage
 * about kindergarten enrolment that mentions 居住证明 does not speak of a 居住证) or names it beside
 * another certificate it issues (processesOtherDocument), else undefined. Pure.
 */
export function dominantTopicMissing(
  groups: string[][],
  weights: number[],
  passage: Passage,
  question = '',
): string | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return undefined;
  const top = weights.indexOf(Math.max(...weights));
  if (weights[top] / total < DOMINANT_TOPIC_SHARE) return undefined;
  const text = normaliseForIndex(`${passage.chunk.headingPath.join(' ')} ${passage.chunk.text}`);
  // Only a look-alike counts against the passage: a term it lacks altogether may be a citizen's
  // word for an official one (驾校 for 驾驶培训), which the relevance decision has weighed already.
  const lookAlike = groups[top].some((term) => text.includes(term));
  if (lookAlike && !groups[top].some((term) => holdsTerm(term, text))) return groups[top][0];
  return processesOtherDocument(question, groups[top], text) ? groups[top][0] : undefined;
}

/**
 * Verbs of getting a certificate, card or licence issued (办理, 申领, 补办 …) and the certificate
 * right after them: 办理生育证, 申领居住证; not a clause that goes on ("申请需要提交居住登记证明").
 */
const ISSUING =
  /(?:办理|申请|申领|补办|换领|领取|核发|签发)(?![需要提交到向在的时应并及和或等办申领])(\p{Script=Han}{1,6}?[证卡照])/gu;

/**
 * Whether a question about getting a certificate (居住证怎么办理, 补办社保卡) meets a passage that
 * issues other certificates only: an article on applying for a 生育证 names 居住证 as where to
 * apply and a document to bring, and is no answer to how a 居住证 is obtained. Pure.
 */
export function processesOtherDocument(question: string, topic: string[], passageText: string): boolean {
  if (!/[证卡照]$/u.test(topic[0]) || !/办|申请|申领|领取|换/u.test(question)) return false;
  const issued = [...passageText.matchAll(ISSUING)].map((m) => m[1]);
  return issued.length > 0 && !issued.some((doc) => topic.some((t) => doc.includes(t)));
}
