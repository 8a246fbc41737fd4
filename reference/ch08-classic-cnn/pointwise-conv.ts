import * as tf from '@tensorflow/tfjs';

/** tf.conv2d with a 1×1×C×F kernel, plus the bias broadcast over the pixels. */
export function pointwiseConv(x: number[][][], kernel: number[][], bias: number[]): number[][][] {
  return tf.tidy(() => {
    const c = kernel.length;
    const f = bias.length;
    const input = tf.tensor3d(x);
    const filter = tf.tensor2d(kernel).reshape([1, 1, c, f]) as tf.Tensor4D;
    return tf.conv2d(input, filter, 1, 'valid').add(tf.tensor1d(bias)).arraySync() as number[][][];
  });
}
