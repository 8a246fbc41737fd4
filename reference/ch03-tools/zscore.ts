import * as tf from '@tensorflow/tfjs';

export interface Standardizer {
  mean: number[];
  std: number[];
}

/** tf.moments over the batch axis gives the mean and the population variance of each column. */
export function fitStandardizer(X: number[][]): Standardizer {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(tf.tensor2d(X), 0);
    return { mean: Array.from(mean.dataSync()), std: Array.from(tf.sqrt(variance).dataSync()) };
  });
}

/** Broadcasts (X − mean) / std over the rows, with std = 0 replaced by 1. */
export function applyStandardizer(X: number[][], stats: Standardizer): number[][] {
  return tf.tidy(() => {
    const std = tf.tensor1d(stats.std);
    const safe = tf.where(tf.equal(std, 0), tf.onesLike(std), std);
    return tf.tensor2d(X).sub(tf.tensor1d(stats.mean)).div(safe).arraySync() as number[][];
  });
}
