export interface RnnGradients {
  loss: number;
  dWxh: number[][];
  dWhh: number[][];
  db: number[];
  dh0: number[];
}

/** M·v for a matrix M (rows × cols) and a vector v (cols). */
const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((acc, mij, j) => acc + mij * v[j]!, 0));
/** Mᵀ·v. */
const matTVec = (m: number[][], v: number[]) => m[0]!.map((_, j) => m.reduce((acc, row, i) => acc + row[j]! * v[i]!, 0));
const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

export function rnnBptt(xs: number[][], h0: number[], Wxh: number[][], Whh: number[][], b: number[], targets: number[][]): RnnGradients {
  // forward: keep every state, hs[0] = h0
  const hs: number[][] = [h0];
  let loss = 0;
  xs.forEach((x, t) => {
    const fromInput = matVec(Wxh, x);
    const fromState = matVec(Whh, hs[t]!);
    const a = b.map((bi, i) => fromInput[i]! + fromState[i]! + bi);
    const h = a.map(Math.tanh);
    hs.push(h);
    loss += 0.5 * h.reduce((acc, hi, i) => acc + (hi - targets[t]![i]!) ** 2, 0);
  });

  // backward through time
  const dWxh = zeros(Wxh.length, Wxh[0]!.length);
  const dWhh = zeros(Whh.length, Whh.length);
  const db = new Array<number>(b.length).fill(0);
  let dhNext = new Array<number>(b.length).fill(0); // ∂L/∂h_t arriving from step t+1
  for (let t = xs.length - 1; t >= 0; t--) {
    const h = hs[t + 1]!;
    const hPrev = hs[t]!;
    const dh = h.map((hi, i) => hi - targets[t]![i]! + dhNext[i]!); // local loss + future
    const da = dh.map((g, i) => g * (1 - h[i]! * h[i]!)); // through tanh
    da.forEach((g, i) => {
      db[i]! += g;
      xs[t]!.forEach((xj, j) => (dWxh[i]![j]! += g * xj));
      hPrev.forEach((hj, j) => (dWhh[i]![j]! += g * hj));
    });
    dhNext = matTVec(Whh, da); // to h_{t-1}
  }
  return { loss, dWxh, dWhh, db, dh0: dhNext };
}
