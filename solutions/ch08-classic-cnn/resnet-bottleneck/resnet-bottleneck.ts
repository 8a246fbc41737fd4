/** BatchNorm in inference mode: the moving statistics of training, one value per channel. */
export interface BatchNorm {
  gamma: number[];
  beta: number[];
  mean: number[];
  variance: number[];
}

/** A bias-free convolution followed by its BatchNorm. kernel is k×k×Cin×Cout. */
export interface ConvBN {
  kernel: number[][][][];
  bn: BatchNorm;
}

export interface BottleneckParams {
  conv1: ConvBN; // 1×1, Cin → m
  conv2: ConvBN; // 3×3, m → m, carries the stride, 1 pixel of zero padding
  conv3: ConvBN; // 1×1, m → Cout
  projection?: ConvBN; // 1×1 with the stride, Cin → Cout; absent: identity shortcut
}

const BN_EPS = 1e-5;

/** Cross-correlation with stride s and `pad` zero pixels on every side. */
function conv(x: number[][][], kernel: number[][][][], stride: number, pad: number): number[][][] {
  const [H, W] = [x.length, x[0]!.length];
  const k = kernel.length;
  const cout = kernel[0]![0]![0]!.length;
  const hout = Math.floor((H + 2 * pad - k) / stride) + 1;
  const wout = Math.floor((W + 2 * pad - k) / stride) + 1;
  return Array.from({ length: hout }, (_, i) =>
    Array.from({ length: wout }, (_, j) =>
      Array.from({ length: cout }, (_, o) => {
        let sum = 0;
        for (let u = 0; u < k; u++) {
          const y = i * stride + u - pad;
          if (y < 0 || y >= H) continue;
          for (let v = 0; v < k; v++) {
            const xx = j * stride + v - pad;
            if (xx < 0 || xx >= W) continue;
            x[y]![xx]!.forEach((value, c) => (sum += value * kernel[u]![v]![c]![o]!));
          }
        }
        return sum;
      }),
    ),
  );
}

const batchNorm = (x: number[][][], bn: BatchNorm) =>
  x.map((row) => row.map((p) => p.map((v, c) => (bn.gamma[c]! * (v - bn.mean[c]!)) / Math.sqrt(bn.variance[c]! + BN_EPS) + bn.beta[c]!)));
const relu = (x: number[][][]) => x.map((row) => row.map((p) => p.map((v) => Math.max(0, v))));
const add = (a: number[][][], b: number[][][]) => a.map((row, i) => row.map((p, j) => p.map((v, c) => v + b[i]![j]![c]!)));

/** ResNet bottleneck: ReLU(BN(conv1×1) → ReLU → BN(conv3×3, stride) → ReLU → BN(conv1×1) + shortcut). */
export function bottleneckBlock(x: number[][][], params: BottleneckParams, stride: number): number[][][] {
  const { conv1, conv2, conv3, projection } = params;
  let h = relu(batchNorm(conv(x, conv1.kernel, 1, 0), conv1.bn));
  h = relu(batchNorm(conv(h, conv2.kernel, stride, 1), conv2.bn));
  h = batchNorm(conv(h, conv3.kernel, 1, 0), conv3.bn);
  const shortcut = projection ? batchNorm(conv(x, projection.kernel, stride, 0), projection.bn) : x;
  return relu(add(h, shortcut));
}
