/**
 * One graph-convolution layer (Kipf & Welling, 2017): H' = ReLU(D̃^{-1/2} Ã D̃^{-1/2} H W), Ã = A + I.
 * Node i mixes its own features and its neighbours', each neighbour j weighted by 1/√(d̃_i d̃_j).
 */
export function gcnLayer(A: number[][], H: number[][], W: number[][]): number[][] {
  const n = A.length;
  const fIn = W.length;
  const fOut = W[0]!.length;

  // Ã = A + I and its degrees d̃_i = 1 + deg(i)
  const Atilde = A.map((row, i) => row.map((a, j) => a + (i === j ? 1 : 0)));
  const degree = Atilde.map((row) => row.reduce((s, a) => s + a, 0));

  // aggregation: M = D̃^{-1/2} Ã D̃^{-1/2} H   (n × fIn)
  const M: number[][] = [];
  for (let i = 0; i < n; i++) {
    const m = new Array<number>(fIn).fill(0);
    for (let j = 0; j < n; j++) {
      const w = Atilde[i]![j]! / Math.sqrt(degree[i]! * degree[j]!);
      if (w === 0) continue;
      for (let f = 0; f < fIn; f++) m[f]! += w * H[j]![f]!;
    }
    M.push(m);
  }

  // transformation and non-linearity: ReLU(M W)
  return M.map((m) => {
    const out: number[] = [];
    for (let g = 0; g < fOut; g++) {
      let s = 0;
      for (let f = 0; f < fIn; f++) s += m[f]! * W[f]![g]!;
      out.push(Math.max(0, s));
    }
    return out;
  });
}
