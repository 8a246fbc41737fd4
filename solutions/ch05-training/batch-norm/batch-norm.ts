/** Batch Normalization over the batch axis (training mode), forward and backward. */

export interface BatchNormForward {
  y: number[][];
  runningMean: number[];
  runningVar: number[];
}

export interface BatchNormGrads {
  dx: number[][];
  dgamma: number[];
  dbeta: number[];
}

/** Mean and biased variance of every column. */
function columnStats(x: number[][]): { mean: number[]; variance: number[] } {
  const n = x.length;
  const d = x[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (const row of x) row.forEach((v, j) => (mean[j]! += v));
  for (let j = 0; j < d; j++) mean[j]! /= n;
  for (const row of x) row.forEach((v, j) => (variance[j]! += (v - mean[j]!) ** 2));
  for (let j = 0; j < d; j++) variance[j]! /= n;
  return { mean, variance };
}

export function batchNormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  momentum: number,
  eps: number,
): BatchNormForward {
  const n = x.length;
  const { mean, variance } = columnStats(x);
  const y = x.map((row) => row.map((v, j) => (gamma[j]! * (v - mean[j]!)) / Math.sqrt(variance[j]! + eps) + beta[j]!));
  return {
    y,
    runningMean: runningMean.map((r, j) => (1 - momentum) * r + momentum * mean[j]!),
    runningVar: runningVar.map((r, j) => (1 - momentum) * r + momentum * variance[j]! * (n / (n - 1))),
  };
}

/**
 * With x̂ = (x − μ)/σ and σ = √(σ²_B + eps), per column:
 *   dbeta = Σ dy,  dgamma = Σ dy·x̂,  dx = gamma/(N·σ) · (N·dy − Σdy − x̂·Σ(dy·x̂))
 * (the last two terms are the gradient flowing through μ_B and σ²_B).
 */
export function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): BatchNormGrads {
  const n = x.length;
  const d = x[0]!.length;
  const { mean, variance } = columnStats(x);
  const sigma = variance.map((v) => Math.sqrt(v + eps));
  const xhat = x.map((row) => row.map((v, j) => (v - mean[j]!) / sigma[j]!));
  const dbeta = new Array<number>(d).fill(0);
  const dgamma = new Array<number>(d).fill(0);
  dy.forEach((row, i) =>
    row.forEach((g, j) => {
      dbeta[j]! += g;
      dgamma[j]! += g * xhat[i]![j]!;
    }),
  );
  const dx = dy.map((row, i) =>
    row.map((g, j) => (gamma[j]! / (n * sigma[j]!)) * (n * g - dbeta[j]! - xhat[i]![j]! * dgamma[j]!)),
  );
  return { dx, dgamma, dbeta };
}
