import * as tf from '@tensorflow/tfjs';

function bootstrap(rewards: number[], dones: number[], nextValue: tf.Tensor1D, gamma: number): tf.Tensor1D {
  return tf.tensor1d(rewards).add(tf.sub(1, tf.tensor1d(dones)).mul(nextValue).mul(gamma));
}

export function dqnTargets(rewards: number[], dones: number[], nextQTarget: number[][], gamma: number): number[] {
  return tf.tidy(() => Array.from(bootstrap(rewards, dones, tf.tensor2d(nextQTarget).max(1) as tf.Tensor1D, gamma).dataSync()));
}

/** a* = tf.argMax of the online values (first index on ties), read from the target values with a one-hot mask. */
export function doubleDqnTargets(rewards: number[], dones: number[], nextQOnline: number[][], nextQTarget: number[][], gamma: number): number[] {
  return tf.tidy(() => {
    const target = tf.tensor2d(nextQTarget);
    const best = tf.argMax(tf.tensor2d(nextQOnline), 1);
    const picked = target.mul(tf.oneHot(best, target.shape[1])).sum(1) as tf.Tensor1D;
    return Array.from(bootstrap(rewards, dones, picked, gamma).dataSync());
  });
}

/** tf.losses.huberLoss between the targets and Q(s, a) of the actions taken (mean reduction). */
export function huberTdLoss(qValues: number[][], actions: number[], targets: number[], delta = 1): number {
  return tf.tidy(() => {
    const q = tf.tensor2d(qValues);
    const taken = q.mul(tf.oneHot(tf.tensor1d(actions, 'int32'), q.shape[1])).sum(1);
    return tf.losses.huberLoss(tf.tensor1d(targets), taken, undefined, delta, tf.Reduction.MEAN).dataSync()[0]!;
  });
}
