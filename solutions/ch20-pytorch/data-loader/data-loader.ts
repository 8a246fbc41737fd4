export interface Batch {
  x: number[][];
  y: number[];
}

export function makeBatches(X: number[][], y: number[], batchSize: number, perm: number[], dropLast: boolean): Batch[] {
  const batches: Batch[] = [];
  for (let start = 0; start < perm.length; start += batchSize) {
    const indices = perm.slice(start, start + batchSize);
    if (dropLast && indices.length < batchSize) break; // the incomplete tail
    batches.push({ x: indices.map((i) => [...X[i]!]), y: indices.map((i) => y[i]!) });
  }
  return batches;
}
