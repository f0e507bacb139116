import type { SourceDocument } from '../domain.js';
import type { SearchStore } from '../index/search-store.js';
import { chunkDocument } from '../ingest/chunker.js';
import { MODEL_FEATURES } from '../retrieve/answerability-features.js';
import type { AnswerabilityModel } from '../retrieve/answerability-model.js';
import { fitLogistic, predictProbability } from '../retrieve/logistic-model.js';
import { holdsTerm } from '../retrieve/relevance.js';
import type { Retriever } from '../retrieve/retriever.js';
import { indexedText } from '../text/indexed-text.js';
import { normaliseForIndex } from '../text/normalise.js';
import type { Tokenizer } from '../text/tokenizer.js';
import {
  fromIndexed,
  fromOutside,
  type GeneratedQuestion,
  type GeneratorDeps,
  mismatch,
  type SourcePassage,
} from './question-generator.js';
import type { Random } from './random.js';

/**
 * `npm run calibrate`: generate questions from the corpus (question-generator.ts), retrieve each,
 * fit the answerability model on the retrieval features, choose its thresholds by
 * cross-validation, and write src/retrieve/answerability-weights.ts. No gold item is read.
 */
export interface CalibrationInput {
  store: SearchStore;
  tokenizer: Tokenizer;
  retriever: Retriever;
  /** Documents that are not in the index (for absent-topic questions). */
  outside: SourceDocument[];
  /** Indexed passages to sample, default 400. */
  samples?: number;
  random: Random;
}

export interface CalibrationRow extends GeneratedQuestion {
  x: number[];
}

async function indexedPassages(store: SearchStore, count: number, random: Random): Promise<SourcePassage[]> {
  const metas = await store.listDocuments();
  const out: SourcePassage[] = [];
  for (let i = 0; i < count && metas.length > 0; i++) {
    const meta = random.pick(metas);
    const doc = await store.getDocument(meta.id);
    if (!doc || doc.chunks.length === 0) continue;
    const chunk = random.pick(doc.chunks);
    out.push({ docId: meta.id, meta, text: chunk.text });
  }
  return out;
}

function outsidePassages(docs: SourceDocument[], count: number, random: Random): SourcePassage[] {
  const out: SourcePassage[] = [];
  for (let i = 0; i < count && docs.length > 0; i++) {
    const doc = random.pick(docs);
    const chunks = chunkDocument(doc);
    if (chunks.length === 0) continue;
    out.push({ docId: doc.id, meta: doc.meta, text: random.pick(chunks).text });
  }
  return out;
}

/** Generates the labelled questions and their retrieval features. */
export async function buildCalibrationSet({
  store,
  tokenizer,
  retriever,
  outside,
  samples = 400,
  random,
}: CalibrationInput): Promise<CalibrationRow[]> {
  const { chunks } = await store.stats();
  const metas = await store.listDocuments();
  const deps: GeneratorDeps = {
    tokenizer,
    idf: (terms) => store.idf(terms),
    maxIdf: Math.log(1 + (chunks + 0.5) / 0.5),
    cooccur: async (terms) => {
      const hits = await store.keywordSearch(
        terms.map((t) => [t]),
        30,
      );
      const found = await store.getChunks(hits.map((h) => h.chunkId));
      return found.some((c) => {
        const text = normaliseForIndex(indexedText(c));
        return terms.every((t) => holdsTerm(t, text));
      });
    },
    indexedRegions: new Set(metas.flatMap((m) => (m.region ? [m.region] : []))),
    random,
  };
  const inside = await indexedPassages(store, samples, random);
  const questions: GeneratedQuestion[] = [];
  for (const p of inside) questions.push(...(await fromIndexed(p, deps)));
  for (const p of outsidePassages(outside, Math.round(samples * 0.75), random))
    questions.push(...(await fromOutside(p, deps)));
  for (let i = 0; i + 1 < inside.length; i += 2)
    questions.push(...(await mismatch(inside[i], inside[i + 1], deps)));

  const rows: CalibrationRow[] = [];
  for (const q of questions) {
    const retrieval = await retriever.retrieve(q.question);
    const features = retrieval.answerability?.features;
    if (!features) continue;
    rows.push({ ...q, x: MODEL_FEATURES.map((name) => features[name] ?? 0) });
  }
  return rows;
}

/** Out-of-fold probabilities of a k-fold cross-validation (folds by row index, interleaved). */
export function crossValidatedProbabilities(
  rows: { x: number[]; answerable: boolean }[],
  folds = 5,
): number[] {
  const probs = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, i) => i % folds !== f);
    const model = fitLogistic(
      train.map((r) => r.x),
      train.map((r) => (r.answerable ? 1 : 0)),
    );
    rows.forEach((r, i) => {
      if (i % folds === f) probs[i] = predictProbability(model, r.x);
    });
  }
  return probs;
}

export interface Thresholds {
  answerAt: number;
  partialAt: number;
  /** Out-of-fold rates at the chosen thresholds. */
  falseRefusal: number;
  refusalAccuracy: number;
}

/**
 * answerAt maximises balanced accuracy (mean of the answerable and unanswerable hit rates) on the
 * out-of-fold probabilities; partialAt is the highest threshold ≤ answerAt that refuses at most
 * `maxFalseRefusal` of answerable questions, so the band between them answers with a caveat
 * instead of refusing a question the documents may well cover.
 */
export function chooseThresholds(probs: number[], answerable: boolean[], maxFalseRefusal = 0.05): Thresholds {
  const candidates = [...new Set(probs.map((p) => Math.round(p * 1000) / 1000))].sort((a, b) => a - b);
  const pos = probs.filter((_, i) => answerable[i]);
  const neg = probs.filter((_, i) => !answerable[i]);
  const rate = (list: number[], at: number, below: boolean) =>
    list.length === 0 ? 0 : list.filter((p) => (below ? p < at : p >= at)).length / list.length;
  let answerAt = 0.5;
  let bestBalanced = -1;
  for (const at of candidates) {
    const balanced = (rate(pos, at, false) + rate(neg, at, true)) / 2;
    if (balanced > bestBalanced) {
      bestBalanced = balanced;
      answerAt = at;
    }
  }
  let partialAt = answerAt;
  for (const at of candidates.filter((c) => c <= answerAt).reverse()) {
    partialAt = at;
    if (rate(pos, at, true) <= maxFalseRefusal) break;
  }
  return {
    answerAt,
    partialAt,
    falseRefusal: rate(pos, partialAt, true),
    refusalAccuracy: rate(neg, partialAt, true),
  };
}

/** Fits the final model on all rows with cross-validated thresholds. */
export function fitAnswerability(rows: CalibrationRow[]): {
  model: AnswerabilityModel;
  thresholds: Thresholds;
} {
  const probs = crossValidatedProbabilities(rows);
  const thresholds = chooseThresholds(
    probs,
    rows.map((r) => r.answerable),
  );
  const fitted = fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => (r.answerable ? 1 : 0)),
  );
  return {
    model: {
      features: [...MODEL_FEATURES],
      weights: fitted.weights.map((w) => Math.round(w * 10_000) / 10_000),
      bias: Math.round(fitted.bias * 10_000) / 10_000,
      answerAt: thresholds.answerAt,
      partialAt: thresholds.partialAt,
    },
    thresholds,
  };
}

/** The TypeScript module holding a fitted model, with how it was made. */
export function renderWeightsModule(model: AnswerabilityModel, provenance: string[]): string {
  const weights = model.features.map((name, i) => `    ${name}: ${model.weights[i]},`).join('\n');
  return `import type { AnswerabilityModel } from './answerability-model.js';

/**
 * Written by \`npm run calibrate\` (src/calibrate/); do not edit by hand.
${provenance.map((line) => ` * ${line}`).join('\n')}
 */
const weights = {
${weights}
};

export const FITTED_ANSWERABILITY: AnswerabilityModel = {
  features: Object.keys(weights),
  weights: Object.values(weights),
  bias: ${model.bias},
  answerAt: ${model.answerAt},
  partialAt: ${model.partialAt},
};
`;
}
