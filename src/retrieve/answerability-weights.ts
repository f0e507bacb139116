import type { AnswerabilityModel } from './answerability-model.js';

/**
 * Written by `npm run calibrate` (src/calibrate/); do not edit by hand.
 * Fitted 2026-11-30 on 1491 generated questions
 * (answerable 536, other-place 327, absent-topic 351, mismatch 277), index of 376 documents,
 * seed 7; 5-fold out-of-fold false refusals 0.049,
 * refusal accuracy 0.562.
 */
const weights = {
  coverage: 1.0833,
  coverageTop1: 1.1759,
  heaviestMissing: -0.7216,
  headingCoverage: 0.416,
  placeMismatch: -2.3332,
  bm25Strength: 0.4058,
};

export const FITTED_ANSWERABILITY: AnswerabilityModel = {
  features: Object.keys(weights),
  weights: Object.values(weights),
  bias: -1.1184,
  answerAt: 0.389,
  partialAt: 0.309,
};
