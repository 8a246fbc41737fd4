/** A convolution with bias; kernel is k×k×Cin×Cout (k odd), followed by a ReLU in the module. */
export interface Conv {
  kernel: number[][][][];
  bias: number[];
}

export interface InceptionParams {
  b1: Conv; // 1×1, Cin → c1
  b2reduce: Conv; // 1×1, Cin → r3
  b2: Conv; // 3×3, r3 → c3
  b3reduce: Conv; // 1×1, Cin → r5
  b3: Conv; // 5×5, r5 → c5
  b4: Conv; // 1×1 after the 3×3 max-pool, Cin → cp
}

/** Stride-1 'same' convolution for an odd k (⌊k/2⌋ zero pixels on every side), bias, ReLU. */
function convRelu(x: number[][][], { kernel, bias }: Conv): number[][][] {
  const [H, W] = [x.length, x[0]!.length];
  const k = kernel.length;
  const pad = Math.floor(k / 2);
  return x.map((row, i) =>
    row.map((_, j) =>
      bias.map((b, o) => {
        let sum = b;
        for (let u = 0; u < k; u++) {
          const y = i + u - pad;
          if (y < 0 || y >= H) continue;
          for (let v = 0; v < k; v++) {
            const xx = j + v - pad;
            if (xx < 0 || xx >= W) continue;
            x[y]![xx]!.forEach((value, c) => (sum += value * kernel[u]![v]![c]![o]!));
          }
        }
        return Math.max(0, sum);
      }),
    ),
  );
}

/** 3×3 max-pool, stride 1, 'same': the maximum over the window's pixels that exist (padding is ignored). */
function maxPool3(x: number[][][]): number[][][] {
  const [H, W] = [x.length, x[0]!.length];
  return x.map((row, i) =>
    row.map((pixel, j) =>
      pixel.map((_, c) => {
        let best = -Infinity;
        for (let y = Math.max(0, i - 1); y <= Math.min(H - 1, i + 1); y++)
          for (let xx = Math.max(0, j - 1); xx <= Math.min(W - 1, j + 1); xx++) best = Math.max(best, x[y]![xx]![c]!);
        return best;
      }),
    ),
  );
}

/** GoogLeNet's Inception module: four parallel branches concatenated along the channels. */
export function inceptionModule(x: number[][][], params: InceptionParams): number[][][] {
  const branch1 = convRelu(x, params.b1);
  const branch2 = convRelu(convRelu(x, params.b2reduce), params.b2);
  const branch3 = convRelu(convRelu(x, params.b3reduce), params.b3);
  const branch4 = convRelu(maxPool3(x), params.b4);
  return x.map((row, i) => row.map((_, j) => [...branch1[i]![j]!, ...branch2[i]![j]!, ...branch3[i]![j]!, ...branch4[i]![j]!]));
}
