export interface Clipped {
  grads: number[][][];
  totalNorm: number;
}

/** Scales every gradient by the same factor so that the global L2 norm is at most maxNorm. */
export function clipGradNorm(grads: number[][][], maxNorm: number): Clipped {
  let sumOfSquares = 0;
  for (const g of grads) for (const row of g) for (const v of row) sumOfSquares += v * v;
  const totalNorm = Math.sqrt(sumOfSquares);

  const factor = maxNorm / (totalNorm + 1e-6);
  const scale = factor < 1 ? factor : 1; // never scale up
  return {
    grads: grads.map((g) => g.map((row) => row.map((v) => v * scale))),
    totalNorm,
  };
}
