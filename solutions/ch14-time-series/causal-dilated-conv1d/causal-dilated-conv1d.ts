/** y[t] = bias + Σ_j kernel[j]ᵀ·x[t − (k−1−j)·d], with zeros before the start of the series. */
export function causalConv1d(x: number[][], kernel: number[][][], bias: number[], dilation: number): number[][] {
  const k = kernel.length;
  return x.map((_, t) => {
    const out = bias.slice();
    for (let j = 0; j < k; j++) {
      const s = t - (k - 1 - j) * dilation; // the past step tap j looks at
      if (s < 0) continue; // left zero padding
      x[s]!.forEach((value, c) => {
        kernel[j]![c]!.forEach((w, o) => (out[o]! += w * value));
      });
    }
    return out;
  });
}
