export interface PoolOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

const pair = (x: number | [number, number]): [number, number] => (typeof x === 'number' ? [x, x] : x);

/** Output size and padding before the first row/column along one axis (TensorFlow's rules). */
function axis(size: number, k: number, stride: number, padding: 'valid' | 'same'): { out: number; before: number } {
  if (padding === 'valid') return { out: Math.floor((size - k) / stride) + 1, before: 0 };
  const out = Math.ceil(size / stride);
  return { out, before: Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2) };
}

/** Slides a ph×pw window over every channel and reduces the in-image values it covers. */
function pool2d(input: number[][][], poolSize: number | [number, number], opts: PoolOptions, reduce: (values: number[]) => number): number[][][] {
  const [ph, pw] = pair(poolSize);
  const [sh, sw] = pair(opts.stride ?? poolSize);
  const padding = opts.padding ?? 'valid';
  const H = input.length;
  const W = input[0]!.length;
  const C = input[0]![0]!.length;
  const rows = axis(H, ph, sh, padding);
  const cols = axis(W, pw, sw, padding);

  const output: number[][][] = [];
  for (let i = 0; i < rows.out; i++) {
    const row: number[][] = [];
    for (let j = 0; j < cols.out; j++) {
      const pixel: number[] = [];
      for (let c = 0; c < C; c++) {
        const values: number[] = [];
        for (let u = 0; u < ph; u++) {
          for (let v = 0; v < pw; v++) {
            const y = i * sh + u - rows.before;
            const x = j * sw + v - cols.before;
            if (y >= 0 && y < H && x >= 0 && x < W) values.push(input[y]![x]![c]!); // padding is skipped
          }
        }
        pixel.push(reduce(values));
      }
      row.push(pixel);
    }
    output.push(row);
  }
  return output;
}

export function maxPool2d(input: number[][][], poolSize: number | [number, number], opts: PoolOptions = {}): number[][][] {
  return pool2d(input, poolSize, opts, (values) => Math.max(...values));
}

export function avgPool2d(input: number[][][], poolSize: number | [number, number], opts: PoolOptions = {}): number[][][] {
  return pool2d(input, poolSize, opts, (values) => values.reduce((a, b) => a + b, 0) / values.length);
}
