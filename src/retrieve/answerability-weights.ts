import type { AnswerabilityModel } from './answerability-model.js';

/**
 * Written by `npm run calibrate` (src/calibrate/); do not edit by hand.
 * Fitted 2026-11-30 on 1501 generated questions
 * (answerable 537, other-place 334, absent-topic 354, mismatch 276), index of 376 documents,
 * seed 7; 5-fold out-of-fold false refusals 0.048,
 * refusal accuracy 0.604.
 */
const weights = {
  coverage: 1.0425,
  coverageTop1: 1.2355,
  heaviestMissing: -0.6467,
  headingCoverage: 0.4683,
  placeMismatch: -2.3804,
  bm25Strength: 0.5099,
};

export const FITTED_ANSWERABILITY: AnswerabilityModel = {
  features: Object.keys(weights),
  weights: Object.values(weights),
  bias: -1.2633,
  answerAt: 0.349,
  partialAt: 0.301,
};
