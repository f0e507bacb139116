import type { AnswerabilityModel } from './answerability-model.js';

/**
 * Written by `npm run calibrate` (src/calibrate/); do not edit by hand.
 * Fitted 2026-11-30 on 1479 generated questions
 * (answerable 526, other-place 326, absent-topic 359, mismatch 268), index of 376 documents,
 * seed 7; 5-fold out-of-fold false refusals 0.049,
 * refusal accuracy 0.627.
 */
const weights = {
  coverage: 1.1232,
  coverageTop1: 1.3595,
  heaviestMissing: -0.3588,
  headingCoverage: 0.4467,
  placeMismatch: -2.3187,
  bm25Strength: 0.5522,
};

export const FITTED_ANSWERABILITY: AnswerabilityModel = {
  features: Object.keys(weights),
  weights: Object.values(weights),
  bias: -1.3801,
  answerAt: 0.355,
  partialAt: 0.296,
};
