import * as tf from '@tensorflow/tfjs';

/** Causal dilated conv: left-pad (k − 1)·d zeros, then tf.conv1d 'valid' with that dilation (NWC), plus bias. */
export function causalConv1d(x: number[][], kernel: number[][][], bias: number[], dilation: number): number[][] {
  return tf.tidy(() => {
    const input = tf.tensor3d([x]); // [1, T, C_in]
    const filter = tf.tensor3d(kernel); // [k, C_in, C_out]
    const padded = tf.pad(input, [[0, 0], [(filter.shape[0] - 1) * dilation, 0], [0, 0]]);
    const y = tf.conv1d(padded, filter, 1, 'valid', 'NWC', dilation).add(tf.tensor1d(bias));
    return y.squeeze([0]).arraySync() as number[][];
  });
}
