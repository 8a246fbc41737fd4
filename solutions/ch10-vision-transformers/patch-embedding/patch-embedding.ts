/** vec(patch)·E + bias for every P×P patch in raster order, after the class token, plus positions. */
export function patchEmbedding(
  image: number[][][],
  patchSize: number,
  weight: number[][],
  bias: number[],
  clsToken: number[],
  positions: number[][],
): number[][] {
  const p = patchSize;
  const rows = image.length / p;
  const cols = image[0]!.length / p;

  const tokens: number[][] = [clsToken];
  for (let pr = 0; pr < rows; pr++) {
    for (let pc = 0; pc < cols; pc++) {
      // flatten the patch in (row, column, channel) order
      const patch: number[] = [];
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < p; b++) patch.push(...image[pr * p + a]![pc * p + b]!);
      }
      // project: patch (1×P²C) times E (P²C×D), plus bias
      tokens.push(bias.map((bd, d) => patch.reduce((acc, v, k) => acc + v * weight[k]![d]!, bd)));
    }
  }
  return tokens.map((token, t) => token.map((v, d) => v + positions[t]![d]!));
}
