import * as tf from '@tensorflow/tfjs';

export interface Conv {
  kernel: number[][][][];
  bias: number[];
}
export interface InceptionParams {
  b1: Conv;
  b2reduce: Conv;
  b2: Conv;
  b3reduce: Conv;
  b3: Conv;
  b4: Conv;
}

/**
 * The module as a tfjs layers model: conv2d layers ('same', stride 1, ReLU), a maxPooling2d 3×3
 * stride 1 'same' and tf.layers.concatenate on the channel axis. Stride 1 only: tfjs-backend-wasm
 * 4.22's 'same' problem is with stride > 1.
 */
export function inceptionModule(x: number[][][], params: InceptionParams): number[][][] {
  const [H, W, cin] = [x.length, x[0]!.length, x[0]![0]!.length];
  const assign: [tf.layers.Layer, tf.Tensor[]][] = [];
  const conv = (input: tf.SymbolicTensor, p: Conv): tf.SymbolicTensor => {
    const layer = tf.layers.conv2d({ filters: p.bias.length, kernelSize: p.kernel.length, padding: 'same', activation: 'relu' });
    const out = layer.apply(input) as tf.SymbolicTensor;
    assign.push([layer, [tf.tensor4d(p.kernel), tf.tensor1d(p.bias)]]);
    return out;
  };
  const input = tf.input({ shape: [H, W, cin] });
  const pooled = tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(input) as tf.SymbolicTensor;
  const branches = [
    conv(input, params.b1),
    conv(conv(input, params.b2reduce), params.b2),
    conv(conv(input, params.b3reduce), params.b3),
    conv(pooled, params.b4),
  ];
  const output = tf.layers.concatenate({ axis: -1 }).apply(branches) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  try {
    for (const [layer, values] of assign) layer.setWeights(values);
    return tf.tidy(() => (model.predict(tf.tensor4d([x])) as tf.Tensor).squeeze([0]).arraySync() as number[][][]);
  } finally {
    tf.dispose(assign.flatMap(([, v]) => v));
    model.dispose();
  }
}
