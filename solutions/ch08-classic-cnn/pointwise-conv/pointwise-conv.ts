/** A 1×1 convolution: the same C → F linear map applied to every pixel's channel vector. */
export function pointwiseConv(x: number[][][], kernel: number[][], bias: number[]): number[][][] {
  const filters = bias.length;
  return x.map((row) =>
    row.map((pixel) => {
      const out = [...bias];
      for (let f = 0; f < filters; f++) {
        for (let c = 0; c < pixel.length; c++) out[f]! += pixel[c]! * kernel[c]![f]!;
      }
      return out;
    }),
  );
}
