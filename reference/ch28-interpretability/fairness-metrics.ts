import * as tf from '@tensorflow/tfjs';

export interface FairnessReport {
  statisticalParity: number;
  equalOpportunity: number;
  equalizedOdds: number;
  disparateImpact: number;
}

/**
 * Group-fairness gaps of binary predictions. Per-group counts come from one matrix product,
 * onehot(groups)ᵀ · [1, ŷ, y, ŷ·y, 1 − y, ŷ·(1 − y)]; the rates are ratios of its columns and each gap
 * is the max − min of a rate across groups.
 */
export function fairnessMetrics(predictions: number[], labels: number[], groups: number[]): FairnessReport {
  const numGroups = Math.max(...groups) + 1;
  return tf.tidy(() => {
    const yHat = tf.tensor1d(predictions);
    const y = tf.tensor1d(labels);
    const notY = tf.sub(1, y);
    const columns = tf.stack([tf.onesLike(y), yHat, y, tf.mul(yHat, y), notY, tf.mul(yHat, notY)], 1);
    const membership = tf.oneHot(tf.tensor1d(groups, 'int32'), numGroups); // n×G (G ≥ 2)
    const counts = tf.matMul(membership, columns, true, false); // G×6
    const col = (k: number) => tf.squeeze(tf.slice(counts, [0, k], [numGroups, 1]), [1]);
    const positiveRate = tf.div(col(1), col(0));
    const tpr = tf.div(col(3), col(2));
    const fpr = tf.div(col(5), col(4));
    const gap = (rate: tf.Tensor) => tf.sub(tf.max(rate), tf.min(rate));
    const highest = tf.max(positiveRate);
    const impact = tf.where(tf.equal(highest, 0), tf.scalar(1), tf.div(tf.min(positiveRate), highest));
    const value = (t: tf.Tensor) => t.dataSync()[0]!;
    return {
      statisticalParity: value(gap(positiveRate)),
      equalOpportunity: value(gap(tpr)),
      equalizedOdds: value(tf.maximum(gap(tpr), gap(fpr))),
      disparateImpact: value(impact),
    };
  });
}
