import type { Chunk, DocumentMeta, Passage, Retrieval } from '../domain.js';
import type { StoreHit } from '../index/search-store.js';
import { normaliseForIndex } from '../text/normalise.js';
import { isPlaceGroup } from '../text/place-names.js';
import { answerabilityFeatures } from './answerability-features.js';
import { type AnswerabilityModel, coverageDecision, decideAnswerability } from './answerability-model.js';
import { placeFactor, quantityFactor } from './coverage-factors.js';
import { coveredPlaces } from './guide-places.js';
import { asksForSum, statesSum } from './money-asks.js';
import { unheldRules } from './named-documents.js';
import { askedQuantity, asksTimeOfDay } from './query-terms.js';
import { idfCoverage } from './relevance.js';
import { unservedPlaces } from './unserved-places.js';

/**
 * Share of a question's weight, its places aside, that a passage must hold to answer a question
 * about a place the documents hold nothing of. The three such tune questions answered wrongly held
 * 0.32–0.57 ("北京的公租房怎么申请" found traffic queueing); national rules asked of other cities
 * ("在北京工作，劳动合同试用期最长多久", "在上海，女职工产假有多少天") hold 0.74–1.0 (measured 2026-12-03).
 */
const UNSERVED_MIN_COVERAGE = 0.7;

/** What the relevance decision reads of one retrieval (hybrid-retriever.ts). */
export interface RelevanceInput {
  /** The question as asked, and normalised as the index terms were. */
  query: string;
  question: string;
  /** The passages returned, best first. */
  passages: Passage[];
  /** The query's keyword groups and their IDF. */
  groups: string[][];
  idf: Map<string, number>;
  /** A chunk's normalised indexed text (with the ask words a guide field answers). */
  textOf: (chunk: Chunk) => string;
  /** The places the indexed documents are about, and every document's metadata. */
  served: ReadonlySet<string>;
  metas: Iterable<DocumentMeta>;
  bm25: StoreHit[];
  vector: StoreHit[];
  /** The question named an article and got it (article-route.ts): it is answered. */
  articleRouted: boolean;
  gate: 'model' | 'coverage';
  model: AnswerabilityModel;
  minCoverage: number;
  /** Passages whose text the decision checks. */
  coverageDepth: number;
}

/**
 * Whether the retrieved passages answer the question: the IDF coverage of the best single passage
 * (with the place and asked-quantity factors), the answerability model's decision over the
 * retrieval's features, and the places a guide of the matched matter exists for when not the asked
 * one (guide-places.ts).
 */
export function decideRelevance(
  input: RelevanceInput,
): Pick<
  Retrieval,
  'relevant' | 'confidence' | 'answerability' | 'coveredPlaces' | 'unservedPlaces' | 'unheldRules'
> {
  const { query, question, passages, groups, idf, textOf, served, coverageDepth, minCoverage } = input;
  const quantity = askedQuantity(question, groups);
  const sumAsked = asksForSum(query);
  const top = passages.slice(0, coverageDepth);
  // A passage answers when it holds the question's informative terms itself: the best single
  // passage counts, not the union of several (青岛 from one document and 居住证 from another
  // do not make an answer about Qingdao residence permits).
  const confidence = input.articleRouted
    ? 1
    : Math.max(
        0,
        ...top.map((p) => {
          const text = textOf(p.chunk);
          return (
            idfCoverage({ groups, idf, texts: [text] }) *
            placeFactor(query, p, served) *
            quantityFactor(quantity, text)
          );
        }),
      );
  // A question naming a place whose guide of the matched matter exists only elsewhere (guide-route.ts).
  const placeless = groups.filter((g) => !isPlaceGroup(g));
  const guide = top.find((p) => {
    const text = textOf(p.chunk);
    return (
      idfCoverage({ groups: placeless, idf, texts: [text] }) * quantityFactor(quantity, text) >= minCoverage
    );
  });
  const places = coveredPlaces({ question: query, guide: guide?.meta, metas: input.metas });
  // A question about a place the documents hold nothing of (unserved-places.ts), unless a passage
  // holds nearly all else it asks: a rule naming no place may hold there (a national law, a notice
  // whose origin was not recorded). A named article is a document of that place, so it is served.
  const unserved = input.articleRouted ? undefined : unservedPlaces(query, served);
  const elsewhere =
    unserved &&
    Math.max(0, ...top.map((p) => idfCoverage({ groups: placeless, idf, texts: [textOf(p.chunk)] }))) <
      UNSERVED_MIN_COVERAGE
      ? unserved
      : undefined;
  const features = answerabilityFeatures({
    groups,
    idf,
    passages: passages.map((passage) => ({
      passage,
      text: textOf(passage.chunk),
      heading: normaliseForIndex(`${passage.meta.title} ${passage.chunk.headingPath.join(' ')}`),
    })),
    bm25: input.bm25,
    vector: input.vector,
    placeMismatch: (p) => placeFactor(query, p, served) < 1,
    // A sum asked (多少钱) and no sum stated, fines aside (money-asks.ts), is a quantity missing too.
    quantityMissing: (text) => quantityFactor(quantity, text) < 1 || (sumAsked && !statesSum(text)),
    quantityOfTopic: asksTimeOfDay(question),
    depth: coverageDepth,
  });
  const decision = input.articleRouted
    ? { probability: 1, outcome: 'answer' as const }
    : input.gate === 'model'
      ? decideAnswerability(input.model, features)
      : coverageDecision(confidence, minCoverage);
  // A rule the question names and the index does not hold: what was found belongs to another rule.
  const unheld = input.articleRouted
    ? undefined
    : unheldRules(
        query,
        input.metas,
        passages.map((p) => p.chunk.text),
      );
  const relevant = passages.length > 0 && decision.outcome !== 'refuse' && !places && !elsewhere && !unheld;
  return {
    relevant,
    confidence,
    answerability: { ...decision, features: { ...features } },
    ...(places ? { coveredPlaces: places } : {}),
    // Whatever refused the question, the refusal names the places the documents hold nothing of.
    ...(unserved && !relevant && !places ? { unservedPlaces: unserved } : {}),
    ...(unheld ? { unheldRules: unheld } : {}),
  };
}
