/** The MLP of a GIN layer: ReLU(x·W1 + b1)·W2 + b2. */
export interface GinMlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** x·W + b for a row vector x. */
function affine(x: number[], W: number[][], b: number[]): number[] {
  return b.map((bk, k) => x.reduce((s, xi, i) => s + xi * W[i]![k]!, bk));
}

/**
 * Graph Isomorphism Network layer: each node adds up its neighbours' features (a SUM, which keeps
 * multiplicities), adds its own scaled by (1 + ε), and passes the result through an MLP.
 */
export function ginLayer(A: number[][], H: number[][], epsilon: number, mlp: GinMlp): number[][] {
  return H.map((hv, v) => {
    const message = hv.map((x) => (1 + epsilon) * x);
    A[v]!.forEach((edge, u) => {
      if (edge !== 0) H[u]!.forEach((x, f) => (message[f] = message[f]! + edge * x));
    });
    const hidden = affine(message, mlp.W1, mlp.b1).map((a) => Math.max(0, a));
    return affine(hidden, mlp.W2, mlp.b2);
  });
}
