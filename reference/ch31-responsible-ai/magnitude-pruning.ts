import * as tf from '@tensorflow/tfjs';

/**
 * Ranks of |w| in a flat vector with ties broken by position:
 * rank_i = #{j : |w_j| < |w_i|} + #{j < i : |w_j| = |w_i|}, from n×n broadcast comparisons.
 */
function magnitudeRanks(w: tf.Tensor1D): tf.Tensor1D {
  const n = w.shape[0];
  const mag = tf.abs(w);
  const mi = mag.reshape([n, 1]);
  const mj = mag.reshape([1, n]);
  const earlier = tf.less(tf.range(0, n).reshape([1, n]), tf.range(0, n).reshape([n, 1])); // j < i
  const smaller = tf.less(mj, mi);
  const tiedBefore = tf.logicalAnd(tf.equal(mj, mi), earlier);
  return tf.sum(tf.cast(tf.logicalOr(smaller, tiedBefore), 'int32'), 1) as tf.Tensor1D;
}

/** Zeroes the ⌊s·n⌋ smallest-magnitude entries of w (rank < k). */
function pruneFlat(w: tf.Tensor1D, sparsity: number): tf.Tensor1D {
  const k = Math.floor(sparsity * w.shape[0]);
  return tf.where(tf.less(magnitudeRanks(w), k), tf.zerosLike(w), w) as tf.Tensor1D;
}

/** Magnitude pruning of a list of layers, either over all weights at once or layer by layer. */
export function magnitudePrune(layers: number[][], sparsity: number, scope: 'global' | 'layer'): number[][] {
  return tf.tidy(() => {
    if (scope === 'layer') return layers.map((w) => Array.from(pruneFlat(tf.tensor1d(w), sparsity).dataSync()));
    const sizes = layers.map((w) => w.length);
    const pruned = pruneFlat(tf.tensor1d(layers.flat()), sparsity);
    return tf.split(pruned, sizes).map((t) => Array.from(t.dataSync()));
  });
}
