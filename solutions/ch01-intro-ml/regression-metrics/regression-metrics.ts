/** MSE, RMSE, MAE and the coefficient of determination R². */

export interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

export function regressionMetrics(yTrue: number[], yPred: number[]): RegressionMetrics {
  const n = yTrue.length;
  const mean = yTrue.reduce((a, b) => a + b, 0) / n;
  let squared = 0; // Σ (y − ŷ)², the residual sum of squares
  let absolute = 0;
  let total = 0; // Σ (y − ȳ)², the variation a constant predictor leaves unexplained
  for (let i = 0; i < n; i++) {
    const error = yTrue[i]! - yPred[i]!;
    squared += error * error;
    absolute += Math.abs(error);
    total += (yTrue[i]! - mean) ** 2;
  }
  const mse = squared / n;
  // a constant target has nothing to explain: perfect predictions score 1, anything else 0
  const r2 = total === 0 ? (squared === 0 ? 1 : 0) : 1 - squared / total;
  return { mse, rmse: Math.sqrt(mse), mae: absolute / n, r2 };
}
