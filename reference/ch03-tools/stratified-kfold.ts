import * as tf from '@tensorflow/tfjs';

/**
 * The sort key class·N + shuffled position orders by class, then by shuffle; tf.topk of −key gives that
 * ascending order, and scattering r mod k back through it (tf.scatterND) assigns the folds.
 */
export function stratifiedFolds(labels: number[], permutation: number[], k: number): number[] {
  const n = labels.length;
  return tf.tidy(() => {
    const position = tf.scatterND(tf.tensor2d(permutation, [n, 1], 'int32'), tf.range(0, n, 1, 'int32'), [n]);
    const key = tf.tensor1d(labels, 'int32').mul(n).add(position);
    const order = tf.topk(tf.neg(key).toFloat(), n).indices; // ascending key
    const ranks = tf.range(0, n, 1, 'int32');
    const folds = tf.sub(ranks, tf.floorDiv(ranks, k).mul(k)); // r mod k
    return Array.from(tf.scatterND(order.reshape([n, 1]), folds, [n]).dataSync());
  });
}
