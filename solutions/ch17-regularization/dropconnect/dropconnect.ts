/** Dense layer with inverted DropConnect: the mask drops weights, the survivors are scaled by 1/(1 − p). */
export function dropConnectDense(
  x: number[][],
  W: number[][],
  b: number[],
  mask: number[][],
  p: number,
  training: boolean,
): number[][] {
  const nIn = W.length;
  const nOut = b.length;
  // the effective weights: all of them at inference, the kept ones (rescaled) in training
  const weight = (i: number, j: number): number => (training ? (W[i]![j]! * mask[i]![j]!) / (1 - p) : W[i]![j]!);
  return x.map((row) => {
    const out: number[] = [];
    for (let j = 0; j < nOut; j++) {
      let sum = b[j]!;
      for (let i = 0; i < nIn; i++) sum += row[i]! * weight(i, j);
      out.push(sum);
    }
    return out;
  });
}
