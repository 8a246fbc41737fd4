/** Gradient checking for F(x) = tanh(W·x): analytic Jacobian, central differences, relative error. */

export function tanhLayer(W: number[][], x: number[]): number[] {
  return W.map((row) => Math.tanh(row.reduce((acc, w, j) => acc + w * x[j]!, 0)));
}

/** Chain rule: ∂tanh(a_i)/∂x_j = (1 − tanh(a_i)²) · W[i][j]. */
export function analyticJacobian(W: number[][], x: number[]): number[][] {
  const y = tanhLayer(W, x);
  return W.map((row, i) => row.map((w) => (1 - y[i]! ** 2) * w));
}

export function numericalJacobian(W: number[][], x: number[], h: number): number[][] {
  const m = W.length;
  const n = x.length;
  const J: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const plus = [...x];
    const minus = [...x];
    plus[j] = x[j]! + h;
    minus[j] = x[j]! - h;
    const fPlus = tanhLayer(W, plus);
    const fMinus = tanhLayer(W, minus);
    for (let i = 0; i < m; i++) J[i]![j] = (fPlus[i]! - fMinus[i]!) / (2 * h);
  }
  return J;
}

function frobenius(A: number[][]): number {
  return Math.sqrt(A.reduce((acc, row) => acc + row.reduce((s, v) => s + v * v, 0), 0));
}

export function relativeError(A: number[][], B: number[][]): number {
  const diff = A.map((row, i) => row.map((a, j) => a - B[i]![j]!));
  const denominator = frobenius(A) + frobenius(B);
  return denominator === 0 ? 0 : frobenius(diff) / denominator;
}
