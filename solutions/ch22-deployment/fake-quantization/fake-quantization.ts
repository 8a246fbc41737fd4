/** The integer code of x before clamping: round(x / scale) + zeroPoint. */
const rawCode = (x: number, scale: number, zeroPoint: number) => Math.round(x / scale) + zeroPoint;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Quantise to numBits-bit codes 0 … 2^b − 1 and straight back: x̂ = (clamp(round(x/s) + z) − z)·s. */
export function fakeQuantize(x: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  const qmax = 2 ** numBits - 1;
  return x.map((v) => (clamp(rawCode(v, scale, zeroPoint), 0, qmax) - zeroPoint) * scale);
}

/**
 * Straight-through estimator: round() is treated as the identity in the backward pass, so the
 * gradient passes unchanged where the code is inside [0, 2^b − 1] and is 0 where clamping cut it.
 */
export function fakeQuantizeGrad(x: number[], dY: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  const qmax = 2 ** numBits - 1;
  return x.map((v, i) => {
    const q = rawCode(v, scale, zeroPoint);
    return q >= 0 && q <= qmax ? dY[i]! : 0;
  });
}

/**
 * One step of quantisation-aware training of a linear model: the forward pass uses the
 * fake-quantised weights, loss = mean((X·ŵ − y)²); the gradient reaches w through the STE.
 */
export function qatStep(
  w: number[],
  X: number[][],
  y: number[],
  lr: number,
  scale: number,
  zeroPoint: number,
  numBits: number,
): { w: number[]; loss: number } {
  const wq = fakeQuantize(w, scale, zeroPoint, numBits);
  const residuals = X.map((row, n) => row.reduce((acc, v, j) => acc + v * wq[j]!, 0) - y[n]!);
  const loss = residuals.reduce((acc, r) => acc + r * r, 0) / X.length;
  const dWq = w.map((_, j) => (2 / X.length) * X.reduce((acc, row, n) => acc + row[j]! * residuals[n]!, 0));
  const dW = fakeQuantizeGrad(w, dWq, scale, zeroPoint, numBits);
  return { w: w.map((v, j) => v - lr * dW[j]!), loss };
}
