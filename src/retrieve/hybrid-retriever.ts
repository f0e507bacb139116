import type { Chunk, DocumentMeta, Passage, Retrieval } from '../domain.js';
import { RETRIEVAL_DEFAULTS } from '../domain.js';
import type { Embedder } from '../index/embedder.js';
import type { SearchStore, StoreHit } from '../index/search-store.js';
import { textHolds } from '../text/all-of-terms.js';
import { indexedText } from '../text/indexed-text.js';
import { normaliseForIndex } from '../text/normalise.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { withoutAbsentScene } from './absent-scene.js';
import { type AnswerabilityModel, DEFAULT_ANSWERABILITY_MODEL } from './answerability-model.js';
import { articleRoute } from './article-route.js';
import { askedListPrior } from './asked-lists.js';
import { withBoundForms } from './bound-forms.js';
import { placesServed } from './coverage-factors.js';
import { definitionRoute } from './definition-route.js';
import { withDistrictsLight } from './district-weight.js';
import { foldCopies } from './fold-copies.js';
import { forbiddenListPrior } from './forbidden-lists.js';
import { convexFusion, type FusionParams, reciprocalRankFusion } from './fusion.js';
import { ungluedGroups, withDictionaryHeads } from './glued-words.js';
import { routeGuideFields, termsAnsweredByField } from './guide-route.js';
import { askedRegion, DEFAULT_LOCALITY, type LocalityParams, localityFactor, placeTier } from './locality.js';
import { dropRepeats } from './merge.js';
import { withPeriodForms } from './period-forms.js';
import { purposeArticlePrior } from './purpose-articles.js';
import { topicalGroups } from './query-terms.js';
import { questionForTerms } from './question-forms.js';
import { DEFAULT_MIN_COVERAGE } from './relevance.js';
import { decideRelevance } from './relevance-decision.js';
import type { Reranker } from './rerank/reranker.js';
import type { RetrieveOptions, Retriever } from './retriever.js';
import { singleNounGroups } from './single-nouns.js';
import { withVerbCompounds } from './single-verbs.js';
import { demoteWiderSisters } from './sister-documents.js';
import { titlePrior } from './title-prior.js';
import { withoutComplements } from './verb-complements.js';

export interface HybridRetrieverOptions extends FusionParams {
  store: SearchStore;
  tokenizer: Tokenizer;
  embedder: Embedder;
  /** Passages returned by default, 1..50, default `RETRIEVAL_DEFAULTS.k`. */
  k?: number;
  /** Candidates taken from each list before fusion, default 50. */
  candidates?: number;
  /** Passages whose text the relevance signal checks, default 3. */
  coverageDepth?: number;
  /** Relevance threshold on IDF coverage, 0..1. */
  minCoverage?: number;
  /** 'convex' (default: normalised-score combination) or 'rrf' (reciprocal rank fusion). */
  fusion?: 'convex' | 'rrf';
  /**
   * Longest time, in ms, the document metadata cache is trusted, default 2000. It is also refreshed
   * whenever the document count changes; the age bound covers a document replaced in place (same
   * count, new title) through this process's indexer or another replica on the same database.
   */
  metaMaxAgeMs?: number;
  /**
   * Region the service is deployed for (`DEPLOYMENT_REGION`, e.g. 青岛市): a question naming no
   * place prefers its documents, then its province's, then national ones (locality.ts).
   */
  deploymentRegion?: string;
  /** Strength of the locality prior; defaults in locality.ts. */
  locality?: LocalityParams;
  /**
   * How the retriever decides that the documents answer: 'model' (default: the fitted
   * answerability model, answerability-model.ts) or 'coverage' (IDF coverage ≥ minCoverage alone).
   */
  gate?: 'model' | 'coverage';
  /** The answerability model; default the fitted one. */
  model?: AnswerabilityModel;
  /** Second stage over the first `rerankCandidates` passages (see rerank/); none: the fused order. */
  reranker?: Reranker;
  /** Passages the reranker reorders before the top `k` are kept, default `RETRIEVAL_DEFAULTS.rerankCandidates`. */
  rerankCandidates?: number;
}

export function createHybridRetriever({
  store,
  tokenizer,
  embedder,
  k: defaultK = RETRIEVAL_DEFAULTS.k,
  candidates = 50,
  coverageDepth = 3,
  minCoverage = DEFAULT_MIN_COVERAGE,
  fusion: fusionKind = 'convex',
  metaMaxAgeMs = 2000,
  deploymentRegion,
  locality = DEFAULT_LOCALITY,
  gate = 'model',
  model = DEFAULT_ANSWERABILITY_MODEL,
  reranker,
  rerankCandidates = RETRIEVAL_DEFAULTS.rerankCandidates,
  ...fusion
}: HybridRetrieverOptions): Retriever {
  const localityParams = { ...DEFAULT_LOCALITY, ...locality };
  const fuse = fusionKind === 'rrf' ? reciprocalRankFusion : convexFusion;
  const metaCache = new Map<string, DocumentMeta>();
  let metaCacheFor = -1;
  let metaCachedAt = Number.NEGATIVE_INFINITY;

  /** The places the indexed documents are about (their titles and regions), refreshed with metaCache. */
  let served = new Set<string>();

  async function metas(): Promise<Map<string, DocumentMeta>> {
    const { documents } = await store.stats();
    const now = performance.now();
    if (documents !== metaCacheFor || now - metaCachedAt > metaMaxAgeMs) {
      const fresh = await store.listDocuments();
      metaCache.clear();
      for (const meta of fresh) metaCache.set(meta.id, meta);
      served = placesServed(fresh);
      metaCacheFor = documents;
      metaCachedAt = now;
    }
    return metaCache;
  }

  /** All chunks of a document in document order; none for an unknown id. */
  const chunksOf = async (docId: string) => (await store.getDocument(docId))?.chunks ?? [];

  return {
    async retrieve(
      query,
      { k = defaultK, filters, mode = 'hybrid' }: RetrieveOptions = {},
    ): Promise<Retrieval> {
      // A light verb or size word glued to its noun (坐地铁, 老房子) is searched as the noun too, a
      // one-character verb (晒) as the dictionary's verbs holding it (晾晒), and a period named with
      // 期 (执行期) as the rules write it, with 期限 (period-forms.ts).
      // A verb said with its complement (挖出来, 收走) is searched as the verb (verb-complements.ts).
      // A one-character noun (猫, 坟) is searched at a low weight, for the search only (single-nouns.ts),
      // and so is a district of Qingdao (district-weight.ts).
      const idfOf = (terms: string[]) => store.idf(terms);
      const expanded = await withVerbCompounds(
        await ungluedGroups(
          await withoutComplements(tokenizer.tokenizeQuery(questionForTerms(query)), idfOf),
          tokenizer,
          idfOf,
        ),
        idfOf,
      );
      const groups = withBoundForms(withPeriodForms(expanded));
      const topical = await withoutAbsentScene(topicalGroups(groups), idfOf);
      const keywordGroups = topical.length > 0 ? topical : groups;

      const t0 = performance.now();
      const bm25: StoreHit[] =
        mode === 'vector' || keywordGroups.length === 0
          ? []
          : await store.keywordSearch(
              [
                ...withDistrictsLight(await withDictionaryHeads(keywordGroups, tokenizer, idfOf)),
                ...singleNounGroups(groups),
              ],
              candidates,
              filters,
            );
      const t1 = performance.now();
      const vector: StoreHit[] =
        mode === 'bm25'
          ? []
          : await store.vectorSearch(await embedder.embedQuery(query), candidates, filters);
      const t2 = performance.now();

      const byId = await metas();
      const fused = fuse(bm25, vector, fusion);
      const articleChunks = mode === 'hybrid' ? await articleRoute(query, [...byId.values()], chunksOf) : [];
      const ids = fused.slice(0, Math.max(k * 3, 20)).map((h) => h.chunkId);
      const chunks = new Map((await store.getChunks(ids)).map((c) => [c.id, c]));
      const terms = keywordGroups.flat();
      const question = normaliseForIndex(query);

      // Normalised once per chunk: the matched terms and the relevance signal both read it.
      const normalised = new Map<string, string>();
      const normalisedText = (chunk: Chunk) => {
        let text = normalised.get(chunk.id);
        if (text === undefined) {
          // A guide field chunk also holds the ask words it answers (几天 for 办结时限, guide-route.ts).
          const answered = termsAnsweredByField(question, terms, chunk);
          text =
            normaliseForIndex(indexedText(chunk)) + (answered.length > 0 ? `\n${answered.join(' ')}` : '');
          normalised.set(chunk.id, text);
        }
        return text;
      };
      const explain = (chunk: Chunk) => {
        const text = normalisedText(chunk);
        return [...new Set(terms.filter((t) => textHolds(text, t)))];
      };
      const passages: Passage[] = [];
      const topScore = fused[0]?.score ?? 1;
      const asked = askedRegion(query, deploymentRegion);
      const prior = (meta: DocumentMeta) =>
        asked ? localityFactor(placeTier(asked, meta.region), localityParams) : 1;
      for (const chunk of articleChunks) {
        const meta = byId.get(chunk.docId);
        if (meta)
          passages.push({
            chunk,
            meta,
            score: topScore + 1,
            why: { articleMatch: true, matchedTerms: explain(chunk) },
          });
      }
      const ranked: Passage[] = [];
      const idf = await store.idf(terms);
      const titled = titlePrior(keywordGroups, idf);
      const forbidden = forbiddenListPrior(query);
      const listed = askedListPrior(query);
      const purpose = purposeArticlePrior(query);
      for (const hit of fused) {
        const chunk = chunks.get(hit.chunkId);
        const meta = chunk && byId.get(chunk.docId);
        if (!chunk || !meta) continue;
        ranked.push({
          chunk,
          meta,
          score:
            hit.score *
            prior(meta) *
            titled(meta) *
            Math.max(forbidden(chunk.text), listed(chunk.text)) *
            purpose(chunk.text),
          why: { bm25Rank: hit.bm25Rank, vectorRank: hit.vectorRank, matchedTerms: explain(chunk) },
        });
      }
      // Stable: equal scores keep the fused order.
      const sorted = demoteWiderSisters(query, ranked).sort((a, b) => b.score - a.score);
      const defined =
        mode === 'hybrid' && articleChunks.length === 0
          ? await definitionRoute(question, terms, sorted[0]?.chunk, chunksOf)
          : undefined;
      if (defined)
        passages.push({
          chunk: defined.chunk,
          meta: sorted[0].meta,
          score: topScore + 1,
          why: { definitionOf: defined.term, matchedTerms: explain(defined.chunk) },
        });
      passages.push(...sorted);
      // 办事指南 questions: the asked fields (时限, 材料, 电话 …) of the best guides first (guide-route.ts).
      const routed = await routeGuideFields({
        question,
        passages,
        groups: keywordGroups,
        idf,
        chunksOf,
        toPassage: (chunk, meta, score) => ({ chunk, meta, score, why: { matchedTerms: explain(chunk) } }),
      });
      const folded = foldCopies(dropRepeats(routed));
      const merged = reranker
        ? (
            await reranker.rerank(query, folded.slice(0, Math.max(k, rerankCandidates)), {
              groups: keywordGroups,
              idf,
            })
          ).slice(0, k)
        : folded.slice(0, k);
      const t3 = performance.now();

      return {
        query,
        passages: merged,
        ...decideRelevance({
          query,
          question,
          passages: merged,
          groups: keywordGroups,
          idf,
          textOf: normalisedText,
          served,
          metas: byId.values(),
          bm25,
          vector,
          articleRouted: articleChunks.length > 0,
          gate,
          model,
          minCoverage,
          coverageDepth,
        }),
        terms: { groups: keywordGroups, idf },
        timings: { bm25Ms: t1 - t0, vectorMs: t2 - t1, fuseMs: t3 - t2 },
      };
    },
  };
}
