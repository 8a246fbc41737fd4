type Options = { stride?: number | [number, number]; padding?: 'valid' | 'same' };

/** Output size and leading padding of one axis, TensorFlow style (the extra row/column goes last). */
function axis(n: number, k: number, s: number, padding: 'valid' | 'same'): { out: number; before: number } {
  if (padding === 'valid') return { out: Math.floor((n - k) / s) + 1, before: 0 };
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return { out, before: Math.floor(total / 2) };
}

/**
 * Depthwise convolution: each input channel c is filtered on its own by kernel[·][·][c][m] for each
 * multiplier m, and lands in output channel c·M + m. input is H×W×C, kernel kh×kw×C×M.
 */
export function depthwiseConv2d(input: number[][][], kernel: number[][][][], opts: Options = {}): number[][][] {
  const [sh, sw] = typeof opts.stride === 'number' ? [opts.stride, opts.stride] : (opts.stride ?? [1, 1]);
  const padding = opts.padding ?? 'valid';
  const H = input.length;
  const W = input[0]!.length;
  const C = input[0]![0]!.length;
  const kh = kernel.length;
  const kw = kernel[0]!.length;
  const M = kernel[0]![0]![0]!.length;
  const rows = axis(H, kh, sh, padding);
  const cols = axis(W, kw, sw, padding);
  const out: number[][][] = [];
  for (let i = 0; i < rows.out; i++) {
    out.push([]);
    for (let j = 0; j < cols.out; j++) {
      const px = new Array<number>(C * M).fill(0);
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++) {
          const y = i * sh + u - rows.before;
          const x = j * sw + v - cols.before;
          if (y < 0 || y >= H || x < 0 || x >= W) continue; // zero padding
          for (let c = 0; c < C; c++) for (let m = 0; m < M; m++) px[c * M + m]! += input[y]![x]![c]! * kernel[u]![v]![c]![m]!;
        }
      }
      out[i]!.push(px);
    }
  }
  return out;
}

/** Separable convolution: depthwise, then a 1×1 convolution (pointwiseKernel 1×1×(C·M)×Cout) mixing channels. */
export function separableConv2d(input: number[][][], depthwiseKernel: number[][][][], pointwiseKernel: number[][][][], opts: Options = {}): number[][][] {
  const mix = pointwiseKernel[0]![0]!; // (C·M)×Cout
  return depthwiseConv2d(input, depthwiseKernel, opts).map((row) =>
    row.map((px) => mix[0]!.map((_, o) => px.reduce((s, v, q) => s + v * mix[q]![o]!, 0))),
  );
}

/**
 * Multiplications of a separable convolution (multiplier 1) over those of a standard one, per output
 * position: (k²·Cin + Cin·Cout)/(k²·Cin·Cout) = 1/Cout + 1/k².
 */
export function costRatio(k: number, cin: number, cout: number): number {
  return (k * k * cin + cin * cout) / (k * k * cin * cout);
}
