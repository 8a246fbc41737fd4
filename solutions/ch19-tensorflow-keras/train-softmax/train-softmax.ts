export interface Trained {
  W: number[][];
  b: number[];
  losses: number[];
}

/** Row-wise softmax, shifted by the row's maximum so that exp never overflows. */
function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function trainSoftmax(X: number[][], labels: number[], W0: number[][], b0: number[], lr: number, epochs: number): Trained {
  const n = X.length;
  const d = W0.length;
  const k = b0.length;
  const W = W0.map((row) => [...row]);
  const b = [...b0];
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradW = W.map((row) => row.map(() => 0));
    const gradB = b.map(() => 0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      const logits = b.map((bj, j) => x.reduce((s, xr, r) => s + xr * W[r]![j]!, bj));
      const p = softmax(logits);
      loss -= Math.log(p[labels[i]!]!) / n;
      for (let j = 0; j < k; j++) {
        const dz = (p[j]! - (labels[i] === j ? 1 : 0)) / n; // ∂L/∂z_ij
        gradB[j]! += dz;
        for (let r = 0; r < d; r++) gradW[r]![j]! += x[r]! * dz;
      }
    }
    losses.push(loss);
    for (let r = 0; r < d; r++) for (let j = 0; j < k; j++) W[r]![j]! -= lr * gradW[r]![j]!;
    for (let j = 0; j < k; j++) b[j]! -= lr * gradB[j]!;
  }
  return { W, b, losses };
}
