/** A 2-layer MLP: logits = ReLU(x·W1 + b1)·W2 + b2, W1 is D×H and W2 is H×C. */
export interface Mlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** Saliency map: the gradient of the class score z_c (a logit) with respect to the input x. */
export function saliency(net: Mlp, x: number[], c: number): number[] {
  const D = x.length;
  const H = net.b1.length;

  // forward: only the pre-activations a_j are needed to know which ReLUs let the gradient through
  const a: number[] = [];
  for (let j = 0; j < H; j++) {
    let s = net.b1[j]!;
    for (let i = 0; i < D; i++) s += x[i]! * net.W1[i]![j]!;
    a.push(s);
  }

  // backward: ∂z_c/∂h_j = W2[j][c], ∂h_j/∂a_j = 1 if a_j > 0 else 0, ∂a_j/∂x_i = W1[i][j]
  const da = a.map((aj, j) => (aj > 0 ? net.W2[j]![c]! : 0));
  const grad: number[] = [];
  for (let i = 0; i < D; i++) {
    let g = 0;
    for (let j = 0; j < H; j++) g += net.W1[i]![j]! * da[j]!;
    grad.push(g);
  }
  return grad;
}
