/** Huber loss: quadratic for small errors, linear (robust) for large ones; mean over the elements. */

export function huberLoss(yTrue: number[], yPred: number[], delta: number): number {
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const e = Math.abs(yTrue[i]! - yPred[i]!);
    total += e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta); // both pieces meet at |e| = delta
  }
  return total / yTrue.length;
}

/** d/dŷ of ½e² is −e; of delta·|e| it is −delta·sign(e): the error clipped to [−delta, delta], negated. */
export function huberGrad(yTrue: number[], yPred: number[], delta: number): number[] {
  const n = yTrue.length;
  return yTrue.map((y, i) => {
    const e = y - yPred[i]!;
    const clipped = Math.max(-delta, Math.min(delta, e));
    return -clipped / n;
  });
}
