const matMul = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * b[k]![j]!, 0)));
const columns = (m: number[][], from: number, to: number) => m.map((row) => row.slice(from, to));

function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const exps = row.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** One head: softmax(Q·Kᵀ/√d_h)·V. */
function attend(Q: number[][], K: number[][], V: number[][]): number[][] {
  const scale = Math.sqrt(Q[0]!.length);
  const weights = Q.map((q) => softmax(K.map((k) => q.reduce((acc, v, t) => acc + v * k[t]!, 0) / scale)));
  return matMul(weights, V);
}

export function multiHeadAttention(X: number[][], Wq: number[][], Wk: number[][], Wv: number[][], Wo: number[][], heads: number): number[][] {
  const [Q, K, V] = [matMul(X, Wq), matMul(X, Wk), matMul(X, Wv)];
  const dh = Wq[0]!.length / heads;

  // every head attends in its own slice of d_h columns; the results are concatenated in head order
  const concat: number[][] = X.map(() => []);
  for (let j = 0; j < heads; j++) {
    const [from, to] = [j * dh, (j + 1) * dh];
    const head = attend(columns(Q, from, to), columns(K, from, to), columns(V, from, to));
    head.forEach((row, i) => concat[i]!.push(...row));
  }
  return matMul(concat, Wo);
}
