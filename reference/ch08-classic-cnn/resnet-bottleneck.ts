import * as tf from '@tensorflow/tfjs';

export interface BatchNorm {
  gamma: number[];
  beta: number[];
  mean: number[];
  variance: number[];
}
export interface ConvBN {
  kernel: number[][][][];
  bn: BatchNorm;
}
export interface BottleneckParams {
  conv1: ConvBN;
  conv2: ConvBN;
  conv3: ConvBN;
  projection?: ConvBN;
}

export const BN_EPS = 1e-5;

/**
 * The block as a tfjs layers model (functional API): conv2d (no bias) + batchNormalization layers,
 * zeroPadding2d(1) before the strided 3×3 (the book's PyTorch padding=1; it also keeps clear of
 * tfjs-backend-wasm 4.22's wrong 'same' padding with stride > 1), tf.layers.add and a final ReLU.
 */
export function bottleneckBlock(x: number[][][], params: BottleneckParams, stride: number): number[][][] {
  const [H, W, cin] = [x.length, x[0]!.length, x[0]![0]!.length];
  const weights: tf.Tensor[] = [];
  const assign: [tf.layers.Layer, tf.Tensor[]][] = [];
  const convBn = (input: tf.SymbolicTensor, p: ConvBN, s: number, relu: boolean): tf.SymbolicTensor => {
    const k = p.kernel.length;
    const cout = p.kernel[0]![0]![0]!.length;
    const kernel = tf.tensor4d(p.kernel);
    const stats = [p.bn.gamma, p.bn.beta, p.bn.mean, p.bn.variance].map((v) => tf.tensor1d(v));
    weights.push(kernel, ...stats);
    const padded = k > 1 ? (tf.layers.zeroPadding2d({ padding: 1 }).apply(input) as tf.SymbolicTensor) : input;
    const convLayer = tf.layers.conv2d({ filters: cout, kernelSize: k, strides: s, padding: 'valid', useBias: false });
    const bnLayer = tf.layers.batchNormalization({ axis: -1, epsilon: BN_EPS });
    const conv = convLayer.apply(padded) as tf.SymbolicTensor;
    const bn = bnLayer.apply(conv) as tf.SymbolicTensor;
    assign.push([convLayer, [kernel]], [bnLayer, stats]); // γ, β, moving mean, moving variance
    return relu ? (tf.layers.reLU().apply(bn) as tf.SymbolicTensor) : bn;
  };
  const input = tf.input({ shape: [H, W, cin] });
  let h = convBn(input, params.conv1, 1, true);
  h = convBn(h, params.conv2, stride, true);
  h = convBn(h, params.conv3, 1, false);
  const shortcut = params.projection ? convBn(input, params.projection, stride, false) : input;
  const output = tf.layers.reLU().apply(tf.layers.add().apply([h, shortcut])) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  try {
    for (const [layer, values] of assign) layer.setWeights(values);
    return tf.tidy(() => (model.predict(tf.tensor4d([x])) as tf.Tensor).squeeze([0]).arraySync() as number[][][]);
  } finally {
    tf.dispose(weights);
    model.dispose();
  }
}
