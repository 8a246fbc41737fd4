import * as tf from '@tensorflow/tfjs';

/** tf.logSumExp over the last axis. */
export function logSumExp(x: number[][]): number[] {
  return tf.tidy(() => Array.from(tf.logSumExp(tf.tensor2d(x), 1).dataSync()));
}

/** tf.softmax over the last axis. */
export function softmax(x: number[][]): number[][] {
  return tf.tidy(() => tf.softmax(tf.tensor2d(x)).arraySync() as number[][]);
}

/** tf.logSoftmax over the last axis. */
export function logSoftmax(x: number[][]): number[][] {
  return tf.tidy(() => tf.logSoftmax(tf.tensor2d(x)).arraySync() as number[][]);
}
