/** Per-example mean squared error between the data and its reconstruction. */
export function reconstructionErrors(x: number[][], xHat: number[][]): number[] {
  return x.map((row, i) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) {
      const diff = row[j]! - xHat[i]![j]!;
      sum += diff * diff;
    }
    return sum / row.length;
  });
}

/** Quantile with linear interpolation between the two nearest order statistics. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (position - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Flags test examples whose reconstruction error exceeds the q-quantile of the normal training errors. */
export function detectAnomalies(trainX: number[][], trainXHat: number[][], testX: number[][], testXHat: number[][], q: number): boolean[] {
  const threshold = quantile(reconstructionErrors(trainX, trainXHat), q);
  return reconstructionErrors(testX, testXHat).map((error) => error > threshold);
}
