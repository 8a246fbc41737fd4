/** A DenseNet-style block of dense layers: every layer sees the input and all earlier outputs. */
export function denseBlockForward(x: number[][], weights: number[][][], biases: number[][]): number[][] {
  // features[n] grows by k columns per layer: [x_n, h_0n, h_1n, …]
  const features = x.map((row) => [...row]);
  weights.forEach((W, l) => {
    const b = biases[l]!;
    const newColumns = features.map((input) =>
      b.map((bias, j) => {
        let a = bias;
        for (let i = 0; i < input.length; i++) a += input[i]! * W[i]![j]!;
        return Math.max(0, a);
      }),
    );
    features.forEach((row, n) => row.push(...newColumns[n]!)); // concatenate after computing the whole layer
  });
  return features;
}
