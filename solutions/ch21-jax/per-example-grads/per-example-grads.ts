export interface Params {
  W: number[][];
  b: number[];
}

export interface PerExample {
  loss: number[];
  W: number[][][];
  b: number[][];
}

/** value_and_grad for ONE example: ℓ = ½‖tanh(xW + b) − y‖². */
function valueAndGrad(params: Params, x: number[], y: number[]): { loss: number; W: number[][]; b: number[] } {
  const { W, b } = params;
  const a = b.map((bj, j) => Math.tanh(x.reduce((s, xr, r) => s + xr * W[r]![j]!, bj)));
  const loss = 0.5 * a.reduce((s, aj, j) => s + (aj - y[j]!) ** 2, 0);
  const delta = a.map((aj, j) => (aj - y[j]!) * (1 - aj * aj)); // ∂ℓ/∂z, through tanh' = 1 − a²
  return { loss, W: x.map((xr) => delta.map((d) => xr * d)), b: delta };
}

/** vmap: the same function applied to every example, results stacked along a new first axis. */
export function perExampleGrads(params: Params, X: number[][], Y: number[][]): PerExample {
  const results = X.map((x, i) => valueAndGrad(params, x, Y[i]!));
  return { loss: results.map((r) => r.loss), W: results.map((r) => r.W), b: results.map((r) => r.b) };
}
