/** One epoch of minibatches: follow the permutation, cut every batchSize examples. */

export interface Batch {
  x: number[][];
  y: number[];
}

export function makeBatches(X: number[][], y: number[], batchSize: number, permutation: number[], dropLast: boolean): Batch[] {
  const batches: Batch[] = [];
  for (let start = 0; start < permutation.length; start += batchSize) {
    const indices = permutation.slice(start, start + batchSize);
    if (dropLast && indices.length < batchSize) break; // the incomplete tail
    batches.push({
      x: indices.map((i) => [...X[i]!]), // copies, so the batches do not alias the data set
      y: indices.map((i) => y[i]!),
    });
  }
  return batches;
}
