export interface GatResult {
  alpha: number[][];
  output: number[][];
}

const leakyRelu = (x: number, slope = 0.2) => (x > 0 ? x : slope * x);

/**
 * Graph attention (GAT, single head, no output non-linearity):
 *   z_i = h_i W,  e_ij = LeakyReLU(a_l·z_i + a_r·z_j) for j ∈ N(i) ∪ {i},
 *   α_ij = softmax over those j,  h'_i = Σ_j α_ij z_j.
 */
export function gatAttention(A: number[][], H: number[][], W: number[][], a: number[]): GatResult {
  const n = A.length;
  const fOut = W[0]!.length;
  const Z = H.map((h) => Array.from({ length: fOut }, (_, k) => h.reduce((s, x, f) => s + x * W[f]![k]!, 0)));
  const aLeft = a.slice(0, fOut);
  const aRight = a.slice(fOut);
  const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i]!, 0);

  const alpha: number[][] = [];
  for (let i = 0; i < n; i++) {
    const neighbours = [...Array(n).keys()].filter((j) => j === i || A[i]![j] !== 0);
    const e = neighbours.map((j) => leakyRelu(dot(aLeft, Z[i]!) + dot(aRight, Z[j]!)));
    const max = Math.max(...e);
    const w = e.map((v) => Math.exp(v - max));
    const total = w.reduce((s, v) => s + v, 0);
    const row = new Array<number>(n).fill(0);
    neighbours.forEach((j, k) => (row[j] = w[k]! / total));
    alpha.push(row);
  }

  const output = alpha.map((row) => Array.from({ length: fOut }, (_, k) => row.reduce((s, aij, j) => s + aij * Z[j]![k]!, 0)));
  return { alpha, output };
}
