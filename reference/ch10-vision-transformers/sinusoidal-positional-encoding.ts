import * as tf from '@tensorflow/tfjs';

/** Sinusoidal positional encoding: outer product positions × frequencies, sin/cos interleaved with stack + reshape. */
export function sinusoidalPositionalEncoding(length: number, dModel: number, base = 10000): number[][] {
  return tf.tidy(() => {
    const pairs = Math.ceil(dModel / 2);
    const positions = tf.range(0, length).reshape([length, 1]);
    const exponents = tf.range(0, pairs).mul(2 / dModel);
    const frequencies = tf.pow(tf.scalar(base), exponents.neg()).reshape([1, pairs]);
    const angles = tf.matMul(positions, frequencies); // L × pairs
    const interleaved = tf.stack([tf.sin(angles), tf.cos(angles)], 2).reshape([length, 2 * pairs]);
    return interleaved.slice([0, 0], [length, dModel]).arraySync() as number[][];
  });
}
