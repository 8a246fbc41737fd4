/** A binary classifier: F(x) = σ(tanh(x·W1 + b1)·v + b0), W1 is D×H. */
export interface Classifier {
  W1: number[][];
  b1: number[];
  v: number[];
  b0: number;
}

/** ∇F at one input: F(1 − F) · Σ_j v_j (1 − h_j²) W1[i][j]. */
function gradient(net: Classifier, x: number[]): number[] {
  const H = net.b1.length;
  const h: number[] = [];
  for (let j = 0; j < H; j++) {
    let a = net.b1[j]!;
    for (let i = 0; i < x.length; i++) a += x[i]! * net.W1[i]![j]!;
    h.push(Math.tanh(a));
  }
  let score = net.b0;
  for (let j = 0; j < H; j++) score += net.v[j]! * h[j]!;
  const F = 1 / (1 + Math.exp(-score));

  const dScore = F * (1 - F); // σ'
  const dA = h.map((hj, j) => dScore * net.v[j]! * (1 - hj * hj)); // tanh' = 1 − tanh²
  return x.map((_, i) => dA.reduce((s, d, j) => s + d * net.W1[i]![j]!, 0));
}

/**
 * Integrated gradients along the straight path from the baseline x' to x, with a right Riemann sum:
 *   IG_i = (x_i − x'_i) · (1/m) Σ_{k=1..m} ∂F/∂x_i (x' + (k/m)(x − x')).
 */
export function integratedGradients(net: Classifier, x: number[], baseline: number[], m: number): number[] {
  const delta = x.map((xi, i) => xi - baseline[i]!);
  const avgGrad = x.map(() => 0);
  for (let k = 1; k <= m; k++) {
    const point = baseline.map((b, i) => b + (k / m) * delta[i]!);
    const g = gradient(net, point);
    for (let i = 0; i < x.length; i++) avgGrad[i]! += g[i]! / m;
  }
  return delta.map((d, i) => d * avgGrad[i]!);
}
