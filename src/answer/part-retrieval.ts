import type { Passage, Retrieval } from '../domain.js';
import { asksForNumber } from '../retrieve/query-terms.js';
import { termWeights } from '../retrieve/relevance.js';
import type { RetrieveOptions, Retriever } from '../retrieve/retriever.js';
import { normaliseForIndex } from '../text/normalise.js';
import { numberLead } from './compose-lead.js';
import { PART_DOCUMENTS } from './compose-passage.js';
import { askingParts } from './question-asks.js';

/*
 * A question that asks two things ("收入低到什么程度才算经济困难？交了申请多久能给答复？") is
 * retrieved as a whole, and its passages follow the part with the heavier words: the article that
 * answers the other part may not be among them. Each part is also retrieved on its own, with the
 * question's heaviest topic words it lacks ("法律援助 交了申请多久能给答复"), and its first passages
 * are handed to the answerer after the question's own. The composition (compose-passage.ts) quotes
 * them only for a part the question's passages leave open.
 */

/** Passages kept per part. */
const PER_PART = 3;
/** Passages a part's search reads beyond those shown, to find the ones stating its number. */
const SEARCHED_PER_PART = 10;
/** Topic words of the whole question a part's search adds. */
const TOPIC_WORDS = 2;
/** A part's passages rank below every passage of the whole question: they never anchor the answer. */
const BELOW = 0.9;

/**
 * The extra passages the asking parts of `question` find on their own, not already in `shown`.
 * Empty for a question with one asking part, a refused retrieval or an article lookup.
 */
export async function partPassages(
  retriever: Retriever,
  question: string,
  retrieval: Retrieval,
  shown: readonly Passage[],
  options: Omit<RetrieveOptions, 'k'> = {},
  signal?: AbortSignal,
): Promise<Passage[]> {
  const parts = askingParts(question);
  if (parts.length < 2 || !retrieval.relevant || !retrieval.terms || shown.length === 0) return [];
  if (shown.some((p) => p.why.articleMatch)) return [];
  const { groups, idf } = retrieval.terms;
  const weights = termWeights(groups, idf);
  const floor = Math.min(...shown.map((p) => p.score)) * BELOW;
  const seen = new Set(shown.map((p) => p.chunk.id));
  // The documents of the best passages: the law that answers one part mostly answers the other.
  const documents = [...new Set(shown.slice(0, PART_DOCUMENTS).map((p) => p.chunk.docId))];
  const out: Passage[] = [];
  for (const [index, part] of parts.entries()) {
    if (signal?.aborted) break;
    const own = normaliseForIndex(part);
    const topic = groups
      .map((group, i) => ({ group, weight: weights[i] ?? 0 }))
      .filter(({ group, weight }) => weight > 0 && !group.some((t) => own.includes(t)))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, TOPIC_WORDS)
      .map(({ group }) => group[0]);
    const found = await retriever.retrieve(`${topic.join(' ')} ${part}`, {
      ...options,
      filters: { ...options.filters, docIds: documents },
      k: shown.length + SEARCHED_PER_PART,
    });
    // A number part (多久能给答复) is answered by a passage stating such a number (五个工作日内作出
    // …书面决定), which its words alone may not find first.
    const unseen = found.passages.filter((p) => !seen.has(p.chunk.id));
    const stating = asksForNumber(part)
      ? unseen.filter((p) => numberLead(part, p.chunk.text) !== undefined)
      : [];
    const fresh = [...stating, ...unseen.filter((p) => !stating.includes(p))].slice(0, PER_PART);
    for (const passage of fresh) {
      seen.add(passage.chunk.id);
      out.push({
        ...passage,
        score: floor * BELOW ** (out.length + 1),
        why: { ...passage.why, askedPart: index },
      });
    }
  }
  return out;
}
