export interface Conv2dOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

/** Output size and padding before the first row/column along one axis (TensorFlow's rules). */
function axis(size: number, k: number, stride: number, padding: 'valid' | 'same'): { out: number; before: number } {
  if (padding === 'valid') return { out: Math.floor((size - k) / stride) + 1, before: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return { out, before: Math.floor(total / 2) };
}

const zeros3 = (a: number, b: number, c: number): number[][][] =>
  Array.from({ length: a }, () => Array.from({ length: b }, () => new Array<number>(c).fill(0)));

/**
 * Backward pass of Y = conv2d(X, K): every product X[y][x][c]·K[u][v][c][o] that fed Y[i][j][o]
 * sends dY[i][j][o]·K[u][v][c][o] back to X and dY[i][j][o]·X[y][x][c] back to K.
 */
export function conv2dBackward(
  input: number[][][],
  kernel: number[][][][],
  dY: number[][][],
  opts: Conv2dOptions = {},
): { dInput: number[][][]; dKernel: number[][][][] } {
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

  const dInput = zeros3(H, W, cin);
  const dKernel = Array.from({ length: kh }, () => zeros3(kw, cin, cout));
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      for (let u = 0; u < kh; u++) {
        const y = i * sh + u - rows.before;
        if (y < 0 || y >= H) continue; // a padded zero: no input to send a gradient to
        for (let v = 0; v < kw; v++) {
          const x = j * sw + v - cols.before;
          if (x < 0 || x >= W) continue;
          for (let c = 0; c < cin; c++) {
            for (let o = 0; o < cout; o++) {
              const g = dY[i]![j]![o]!;
              dInput[y]![x]![c]! += g * kernel[u]![v]![c]![o]!;
              dKernel[u]![v]![c]![o]! += g * input[y]![x]![c]!;
            }
          }
        }
      }
    }
  }
  return { dInput, dKernel };
}
