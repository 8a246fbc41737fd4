import * as tf from '@tensorflow/tfjs';

export interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

/** tf.metrics for MSE and MAE; R² from tf.moments (N·variance of y is its total sum of squares). */
export function regressionMetrics(yTrue: number[], yPred: number[]): RegressionMetrics {
  return tf.tidy(() => {
    const y = tf.tensor1d(yTrue);
    const yHat = tf.tensor1d(yPred);
    const mse = tf.metrics.meanSquaredError(y, yHat);
    const mae = tf.metrics.meanAbsoluteError(y, yHat);
    const variance = tf.moments(y).variance;
    const ssRes = mse.mul(yTrue.length).dataSync()[0]!;
    const ssTot = variance.mul(yTrue.length).dataSync()[0]!;
    const r2 = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
    return { mse: mse.dataSync()[0]!, rmse: tf.sqrt(mse).dataSync()[0]!, mae: mae.dataSync()[0]!, r2 };
  });
}
