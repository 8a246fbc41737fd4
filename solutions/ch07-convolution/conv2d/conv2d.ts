export interface Conv2dOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

/** Output size and padding before the first row/column along one axis (TensorFlow's rules). */
function axis(size: number, k: number, stride: number, padding: 'valid' | 'same'): { out: number; before: number } {
  if (padding === 'valid') return { out: Math.floor((size - k) / stride) + 1, before: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return { out, before: Math.floor(total / 2) }; // the odd extra row/column goes after
}

/** 2-D cross-correlation: Y[i][j][o] = Σ_u Σ_v Σ_c X[i·sh + u − top][j·sw + v − left][c] · K[u][v][c][o]. */
export function conv2d(input: number[][][], kernel: number[][][][], opts: Conv2dOptions = {}): number[][][] {
  const [sh, sw] = typeof opts.stride === 'number' ? [opts.stride, opts.stride] : (opts.stride ?? [1, 1]);
  const padding = opts.padding ?? 'valid';
  const H = input.length;
  const W = input[0]!.length;
  const kh = kernel.length;
  const kw = kernel[0]!.length;
  const cin = kernel[0]![0]!.length;
  const cout = kernel[0]![0]![0]!.length;
  const rows = axis(H, kh, sh, padding);
  const cols = axis(W, kw, sw, padding);

  const output: number[][][] = [];
  for (let i = 0; i < rows.out; i++) {
    const row: number[][] = [];
    for (let j = 0; j < cols.out; j++) {
      const pixel: number[] = [];
      for (let o = 0; o < cout; o++) {
        let sum = 0;
        for (let u = 0; u < kh; u++) {
          const y = i * sh + u - rows.before;
          if (y < 0 || y >= H) continue; // zero padding
          for (let v = 0; v < kw; v++) {
            const x = j * sw + v - cols.before;
            if (x < 0 || x >= W) continue;
            for (let c = 0; c < cin; c++) sum += input[y]![x]![c]! * kernel[u]![v]![c]![o]!;
          }
        }
        pixel.push(sum);
      }
      row.push(pixel);
    }
    output.push(row);
  }
  return output;
}
