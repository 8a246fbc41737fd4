const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Truncated MAPE (percent): the denominator never drops below eps. */
export function mape(actual: number[], forecast: number[], eps = 1e-3): number {
  const terms = actual.map((y, t) => Math.abs(y - forecast[t]!) / Math.max(Math.abs(y), eps));
  return 100 * mean(terms);
}

/** sMAPE (percent), between 0 and 200; a pair of zeros is a perfect forecast (term 0). */
export function smape(actual: number[], forecast: number[]): number {
  const terms = actual.map((y, t) => {
    const f = forecast[t]!;
    const denominator = Math.abs(y) + Math.abs(f);
    return denominator === 0 ? 0 : (2 * Math.abs(y - f)) / denominator;
  });
  return 100 * mean(terms);
}

/** MASE: forecast MAE relative to the in-sample seasonal naive forecast's MAE. */
export function mase(actual: number[], forecast: number[], train: number[], season = 1): number {
  const mae = mean(actual.map((y, t) => Math.abs(y - forecast[t]!)));
  const naiveErrors: number[] = [];
  for (let t = season; t < train.length; t++) naiveErrors.push(Math.abs(train[t]! - train[t - season]!));
  return mae / mean(naiveErrors);
}
