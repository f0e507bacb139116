/**
 * A logistic-regression classifier: small enough to own (fit and predict are a few lines each, no
 * dependency), and enough for a handful of well-scaled features. Pure.
 */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predictProbability(model: LogisticModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i] * (x[i] ?? 0);
  return sigmoid(z);
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), ≥ 0, default 0.01. */
  l2?: number;
  /** Full-batch gradient steps, default 3000. */
  epochs?: number;
  /** Step size, default 0.5. */
  learningRate?: number;
}

/** Fits weights by full-batch gradient descent on the mean log-loss plus an L2 penalty. */
export function fitLogistic(
  xs: number[][],
  ys: number[],
  { l2 = 0.01, epochs = 3000, learningRate = 0.5 }: FitOptions = {},
): LogisticModel {
  if (xs.length === 0 || xs.length !== ys.length) throw new Error('fitLogistic: need as many labels as rows');
  const d = xs[0].length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const n = xs.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let r = 0; r < n; r++) {
      const err = predictProbability({ weights, bias }, xs[r]) - ys[r];
      for (let i = 0; i < d; i++) grad[i] += err * xs[r][i];
      gradBias += err;
    }
    for (let i = 0; i < d; i++) weights[i] -= learningRate * (grad[i] / n + l2 * weights[i]);
    bias -= learningRate * (gradBias / n);
  }
  return { weights, bias };
}
