import * as tf from '@tensorflow/tfjs';

/** Dice loss with TensorFlow.js ops: 1 − (2·Σ p⊙t + s) / (Σp + Σt + s). */
export function diceLoss(pred: number[][], target: number[][], smooth = 1): number {
  return tf.tidy(() => {
    const p = tf.tensor2d(pred);
    const t = tf.tensor2d(target);
    const numerator = tf.mul(p, t).sum().mul(2).add(smooth);
    const denominator = p.sum().add(t.sum()).add(smooth);
    return tf.sub(1, numerator.div(denominator)).dataSync()[0]!;
  });
}
