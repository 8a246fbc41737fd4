import * as tf from '@tensorflow/tfjs';

/** Truncated MAPE in percent: mean(|y − ŷ| / max(|y|, eps)) · 100. */
export function mape(actual: number[], forecast: number[], eps = 1e-3): number {
  return tf.tidy(() => {
    const y = tf.tensor1d(actual);
    const err = tf.abs(tf.sub(y, tf.tensor1d(forecast)));
    return err.div(tf.maximum(tf.abs(y), eps)).mean().mul(100).dataSync()[0]!;
  });
}

/** sMAPE in percent, a 0/0 term (both zero) counting as 0. */
export function smape(actual: number[], forecast: number[]): number {
  return tf.tidy(() => {
    const y = tf.tensor1d(actual);
    const f = tf.tensor1d(forecast);
    const denominator = tf.abs(y).add(tf.abs(f));
    const zero = denominator.equal(0);
    const terms = tf.where(zero, tf.zerosLike(y), tf.abs(y.sub(f)).mul(2).div(tf.where(zero, tf.onesLike(y), denominator)));
    return terms.mean().mul(100).dataSync()[0]!;
  });
}

/** MASE: MAE of the forecast over the in-sample MAE of the seasonal naive forecast (lag m). */
export function mase(actual: number[], forecast: number[], train: number[], season = 1): number {
  return tf.tidy(() => {
    const mae = tf.losses.absoluteDifference(tf.tensor1d(actual), tf.tensor1d(forecast)); // mean by default
    const history = tf.tensor1d(train);
    const lagged = history.slice(0, train.length - season);
    const current = history.slice(season);
    const scale = tf.abs(current.sub(lagged)).mean();
    return mae.div(scale).dataSync()[0]!;
  });
}
