import { type AnswerabilityFeatures, FEATURE_NAMES, featureVector } from './answerability-features.js';
import { FITTED_ANSWERABILITY } from './answerability-weights.js';
import { type LogisticModel, predictProbability } from './logistic-model.js';

/**
 * Whether the retrieved passages answer a question: a logistic model over the retrieval's
 * features (answerability-features.ts), fitted on questions generated from the corpus itself —
 * never on gold items — by `npm run calibrate` (src/calibrate/). Two thresholds split the
 * probability into answer / partial / refuse; they are chosen by cross-validation on the same
 * generated data.
 */
export interface AnswerabilityModel extends LogisticModel {
  /** Feature names in weight order (checked against FEATURE_NAMES when loaded). */
  features: readonly string[];
  /** At or above: answer. */
  answerAt: number;
  /** At or above (and below answerAt): a partial answer; below: refuse. */
  partialAt: number;
}

export interface AnswerabilityDecision {
  probability: number;
  outcome: 'answer' | 'partial' | 'refuse';
}

export const DEFAULT_ANSWERABILITY_MODEL: AnswerabilityModel = FITTED_ANSWERABILITY;

export function decideAnswerability(
  model: AnswerabilityModel,
  features: AnswerabilityFeatures,
): AnswerabilityDecision {
  const unknown = model.features.filter((name) => !(FEATURE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || model.features.length !== model.weights.length) {
    throw new Error(
      `answerability model features differ from the retriever's: ${unknown.join(', ') || 'count'}`,
    );
  }
  const fitted = predictProbability(model, featureVector(features, model.features));
  // Two vetoes, whatever else matches. A number question whose asked quantity (增长目标是多少) no
  // passage names: the passages may state another quantity of the same subject, a confidently
  // wrong number (generated questions seldom ask for a quantity, so no fitted weight carries it).
  // A question about a place whose best passage belongs to documents of other places: a Beijing
  // question answered from Qingdao rules is wrong even when every word matches (the fitted weight
  // alone left such a question in the partial band).
  const vetoed = features.quantityMissing > 0 || features.placeMismatch > 0;
  const probability = vetoed ? Math.min(fitted, model.partialAt / 2) : fitted;
  const outcome =
    probability >= model.answerAt ? 'answer' : probability >= model.partialAt ? 'partial' : 'refuse';
  return { probability, outcome };
}

/** The older gate, kept for comparison (`gate: 'coverage'`): coverage at or above the threshold. */
export function coverageDecision(coverage: number, minCoverage: number): AnswerabilityDecision {
  return { probability: coverage, outcome: coverage >= minCoverage ? 'answer' : 'refuse' };
}
