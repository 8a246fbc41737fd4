import * as tf from '@tensorflow/tfjs';

/** tf.losses.huberLoss with its default reduction (the mean over the elements). */
export function huberLoss(yTrue: number[], yPred: number[], delta: number): number {
  return tf.tidy(() => tf.losses.huberLoss(tf.tensor1d(yTrue), tf.tensor1d(yPred), undefined, delta).dataSync()[0]!);
}

/** The gradient of tf.losses.huberLoss with respect to the predictions, by tf.grad. */
export function huberGrad(yTrue: number[], yPred: number[], delta: number): number[] {
  return tf.tidy(() => {
    const labels = tf.tensor1d(yTrue);
    const g = tf.grad((p: tf.Tensor) => tf.losses.huberLoss(labels, p, undefined, delta));
    return Array.from(g(tf.tensor1d(yPred)).dataSync());
  });
}
