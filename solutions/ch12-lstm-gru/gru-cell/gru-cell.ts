const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const dot = (row: number[], v: number[]) => row.reduce((acc, w, j) => acc + w * v[j]!, 0);

/** One GRU step; W, U, b hold the blocks z, r, h̃ stacked by rows. */
export function gruCell(x: number[], h: number[], W: number[][], U: number[][], b: number[]): number[] {
  const H = h.length;
  const z = h.map((_, k) => sigmoid(dot(W[k]!, x) + dot(U[k]!, h) + b[k]!));
  const r = h.map((_, k) => sigmoid(dot(W[H + k]!, x) + dot(U[H + k]!, h) + b[H + k]!));
  const resetH = h.map((hk, k) => r[k]! * hk); // r ⊙ h, before U_h
  const candidate = h.map((_, k) => Math.tanh(dot(W[2 * H + k]!, x) + dot(U[2 * H + k]!, resetH) + b[2 * H + k]!));
  return h.map((hk, k) => (1 - z[k]!) * hk + z[k]! * candidate[k]!);
}
