import * as tf from '@tensorflow/tfjs';

/**
 * ROC points from a threshold × example comparison matrix: row k predicts positive where
 * score ≥ t_k, with t the distinct scores sorted in decreasing order (tf.unique + tf.topk).
 */
export function rocCurve(labels: number[], scores: number[]): { fpr: number[]; tpr: number[] } {
  return tf.tidy(() => {
    const y = tf.tensor1d(labels);
    const s = tf.tensor1d(scores);
    const distinct = tf.unique(s).values;
    const thresholds = tf.topk(distinct, distinct.shape[0]!).values; // decreasing
    const predictedPositive = tf.greaterEqual(s.expandDims(0), thresholds.expandDims(1)).toFloat(); // m × n
    const tp = tf.matMul(predictedPositive, y.expandDims(1)).squeeze([1]);
    const fp = tf.matMul(predictedPositive, tf.sub(1, y).expandDims(1)).squeeze([1]);
    const tpr = tf.concat([tf.zeros([1]), tp.div(y.sum())]);
    const fpr = tf.concat([tf.zeros([1]), fp.div(tf.sub(1, y).sum())]);
    return { fpr: Array.from(fpr.dataSync()), tpr: Array.from(tpr.dataSync()) };
  });
}

/**
 * AUC as the Mann–Whitney statistic: the mean over every (positive, negative) pair of
 * [s⁺ > s⁻] + ½·[s⁺ = s⁻], computed as (sign(s⁺ − s⁻) + 1) / 2.
 */
export function rocAuc(labels: number[], scores: number[]): number {
  return tf.tidy(() => {
    const y = tf.tensor1d(labels);
    const s = tf.tensor1d(scores);
    const wins = tf.sign(tf.sub(s.expandDims(1), s.expandDims(0))).add(1).div(2); // [i][j]: i beats j
    const pairs = tf.outerProduct(y, tf.sub(1, y) as tf.Tensor1D); // i positive, j negative
    return tf.sum(tf.mul(wins, pairs)).div(tf.sum(pairs)).dataSync()[0]!;
  });
}
