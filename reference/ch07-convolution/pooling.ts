import * as tf from '@tensorflow/tfjs';

export interface PoolOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

type Pool = typeof tf.maxPool;

function run(op: Pool, input: number[][][], poolSize: number | [number, number], opts: PoolOptions): number[][][] {
  return tf.tidy(() => op(tf.tensor3d(input), poolSize, opts.stride ?? poolSize, opts.padding ?? 'valid').arraySync());
}

/** Max pooling of an H×W×C image with tf.maxPool (stride defaults to the pool size, as in Keras). */
export function maxPool2d(input: number[][][], poolSize: number | [number, number], opts: PoolOptions = {}): number[][][] {
  return run(tf.maxPool, input, poolSize, opts);
}

/** Average pooling with tf.avgPool: with 'same', each window is divided by its in-image positions. */
export function avgPool2d(input: number[][][], poolSize: number | [number, number], opts: PoolOptions = {}): number[][][] {
  return run(tf.avgPool, input, poolSize, opts);
}
