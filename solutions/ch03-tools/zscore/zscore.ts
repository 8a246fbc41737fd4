/** z-score standardisation: fit per-column statistics on the training set, apply them anywhere. */

export interface Standardizer {
  mean: number[];
  std: number[];
}

export function fitStandardizer(X: number[][]): Standardizer {
  const n = X.length;
  const d = X[0]!.length;
  const sum = new Array<number>(d).fill(0);
  for (const row of X) row.forEach((v, j) => (sum[j]! += v));
  const mean = sum.map((s) => s / n);
  const squares = new Array<number>(d).fill(0);
  for (const row of X) row.forEach((v, j) => (squares[j]! += (v - mean[j]!) ** 2));
  return { mean, std: squares.map((s) => Math.sqrt(s / n)) }; // population deviation: / N
}

export function applyStandardizer(X: number[][], stats: Standardizer): number[][] {
  return X.map((row) =>
    row.map((v, j) => {
      const s = stats.std[j]!;
      return (v - stats.mean[j]!) / (s === 0 ? 1 : s); // a constant feature is only centred
    }),
  );
}
