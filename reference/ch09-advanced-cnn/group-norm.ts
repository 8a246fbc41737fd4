import * as tf from '@tensorflow/tfjs';

/** Group Normalization with tf.moments over (H, W, channels of the group) of an H×W×C map. */
export function groupNorm(x: number[][][], groups: number, gamma: number[], beta: number[], eps = 1e-5): number[][][] {
  return tf.tidy(() => {
    const input = tf.tensor3d(x);
    const [h, w, c] = input.shape;
    const grouped = input.reshape([h, w, groups, c / groups]);
    const { mean, variance } = tf.moments(grouped, [0, 1, 3], true);
    const normalized = grouped.sub(mean).div(variance.add(eps).sqrt()).reshape([h, w, c]);
    return normalized.mul(tf.tensor1d(gamma)).add(tf.tensor1d(beta)).arraySync() as number[][][];
  });
}
