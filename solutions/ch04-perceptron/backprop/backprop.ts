type Activation = 'sigmoid' | 'tanh' | 'relu';

/** a = act(z) and its derivative written with a (or z for ReLU, whose derivative at 0 is 0). */
const act = {
  sigmoid: { f: (z: number) => 1 / (1 + Math.exp(-z)), df: (z: number, a: number) => a * (1 - a) },
  tanh: { f: (z: number) => Math.tanh(z), df: (z: number, a: number) => 1 - a * a },
  relu: { f: (z: number) => Math.max(0, z), df: (z: number, a: number) => (z > 0 ? 1 : 0) },
};

/** A·B for A (n×k) and B (k×m). */
function matmul(A: number[][], B: number[][]): number[][] {
  const m = B[0]?.length ?? 0;
  return A.map((row) => {
    const out = new Array<number>(m).fill(0);
    row.forEach((a, k) => B[k]!.forEach((b, j) => (out[j]! += a * b)));
    return out;
  });
}

const transpose = (A: number[][]): number[][] => (A[0] ?? []).map((_, j) => A.map((row) => row[j]!));
const addRow = (A: number[][], v: number[]): number[][] => A.map((row) => row.map((a, j) => a + v[j]!));
const sumRows = (A: number[][]): number[] => transpose(A).map((col) => col.reduce((s, a) => s + a, 0));

/**
 * Forward and backward pass of a one-hidden-layer MLP with softmax cross-entropy, averaged over
 * the batch. Shapes: X N×D, W1 D×H, b1 H, W2 H×C, b2 C, Y N×C one-hot.
 */
export function mlpBackward(
  p: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] },
  X: number[][],
  Y: number[][],
  activation: Activation,
): { loss: number; dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] } {
  const N = X.length;
  const { f, df } = act[activation];

  // forward
  const Z1 = addRow(matmul(X, p.W1), p.b1); // N×H pre-activations
  const A1 = Z1.map((row) => row.map(f)); // N×H hidden activations
  const Z2 = addRow(matmul(A1, p.W2), p.b2); // N×C logits

  // stable log-softmax per row: log p_c = z_c − max − log Σ exp(z − max)
  let loss = 0;
  const dZ2 = Z2.map((z, n) => {
    const max = Math.max(...z);
    const logSumExp = max + Math.log(z.reduce((s, zc) => s + Math.exp(zc - max), 0));
    return z.map((zc, c) => {
      const logProb = zc - logSumExp;
      loss -= Y[n]![c]! * logProb;
      return (Math.exp(logProb) - Y[n]![c]!) / N; // ∂J/∂z = (softmax − y) / N
    });
  });
  loss /= N;

  // backward
  const dW2 = matmul(transpose(A1), dZ2); // H×C
  const db2 = sumRows(dZ2); // C
  const dA1 = matmul(dZ2, transpose(p.W2)); // N×H
  const dZ1 = dA1.map((row, n) => row.map((g, j) => g * df(Z1[n]![j]!, A1[n]![j]!)));
  const dW1 = matmul(transpose(X), dZ1); // D×H
  const db1 = sumRows(dZ1); // H

  return { loss, dW1, db1, dW2, db2 };
}
