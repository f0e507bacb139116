import type { AnswerabilityModel } from './answerability-model.js';

/**
 * Written by `npm run calibrate` (src/calibrate/); do not edit by hand.
 * Fitted 2026-12-02 on 1501 generated questions
 * (answerable 537, other-place 334, absent-topic 354, mismatch 276), index of 376 documents,
 * seed 7; 5-fold out-of-fold false refusals 0.048,
 * refusal accuracy 0.598.
 */
const weights = {
  coverage: 0.4563,
  coverageTop1: 0.67,
  heaviestMissing: -0.4431,
  headingCoverage: 0.2464,
  placeMismatch: -2.5232,
  bm25Strength: 0.1529,
  coveredTerms: 1.7565,
  documentAgreement: 0.4233,
};

export const FITTED_ANSWERABILITY: AnswerabilityModel = {
  features: Object.keys(weights),
  weights: Object.values(weights),
  bias: -2.0216,
  answerAt: 0.378,
  partialAt: 0.263,
};
