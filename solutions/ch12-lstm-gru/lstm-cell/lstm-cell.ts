export interface LstmState {
  h: number[];
  c: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (row: number[], v: number[]) => row.reduce((acc, w, j) => acc + w * v[j]!, 0);

/** One LSTM step; W, U, b hold the gates stacked in the order i, f, g, o. */
export function lstmCell(x: number[], h: number[], c: number[], W: number[][], U: number[][], b: number[]): LstmState {
  const H = h.length;
  // pre-activation of row r of the stacked gates: W[r]·x + U[r]·h + b[r]
  const pre = (r: number) => dot(W[r]!, x) + dot(U[r]!, h) + b[r]!;

  const newC: number[] = [];
  const newH: number[] = [];
  for (let k = 0; k < H; k++) {
    const i = sigmoid(pre(k));
    const f = sigmoid(pre(H + k));
    const g = Math.tanh(pre(2 * H + k));
    const o = sigmoid(pre(3 * H + k));
    newC.push(f * c[k]! + i * g);
    newH.push(o * Math.tanh(newC[k]!));
  }
  return { h: newH, c: newC };
}
