/** Group Normalization of one H×W×C map: statistics per group of C/G contiguous channels. */
export function groupNorm(x: number[][][], groups: number, gamma: number[], beta: number[], eps = 1e-5): number[][][] {
  const channels = gamma.length;
  const perGroup = channels / groups;
  const groupOf = (c: number) => Math.floor(c / perGroup);

  // first pass: mean of each group
  const sum = new Array<number>(groups).fill(0);
  const count = new Array<number>(groups).fill(0);
  for (const row of x) {
    for (const pixel of row) {
      pixel.forEach((v, c) => {
        sum[groupOf(c)]! += v;
        count[groupOf(c)]! += 1;
      });
    }
  }
  const mean = sum.map((s, g) => s / count[g]!);

  // second pass: biased variance of each group
  const sq = new Array<number>(groups).fill(0);
  for (const row of x) {
    for (const pixel of row) {
      pixel.forEach((v, c) => {
        sq[groupOf(c)]! += (v - mean[groupOf(c)]!) ** 2;
      });
    }
  }
  const std = sq.map((s, g) => Math.sqrt(s / count[g]! + eps));

  return x.map((row) =>
    row.map((pixel) =>
      pixel.map((v, c) => {
        const g = groupOf(c);
        return gamma[c]! * ((v - mean[g]!) / std[g]!) + beta[c]!;
      }),
    ),
  );
}
