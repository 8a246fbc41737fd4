import * as tf from '@tensorflow/tfjs';

export const EPSILON = 1e-7;

/**
 * Binary focal loss with TensorFlow.js ops: mean of −α_t·(1 − p_t)^γ·log(p_t).
 * p_t is clipped rather than p (the same thing, since clipping to [ε, 1 − ε] is symmetric): in
 * float32, 1 − (1 − 1e-7) is 1.19e-7, which would put log(p_t) off by 1% for a confident mistake.
 */
export function focalLoss(p: number[], y: (0 | 1)[], gamma: number, alpha: number): number {
  return tf.tidy(() => {
    const probs = tf.tensor1d(p);
    const positive = tf.tensor1d(y, 'bool');
    const pt = tf.where(positive, probs, tf.sub(1, probs)).clipByValue(EPSILON, 1 - EPSILON);
    const alphaT = tf.where(positive, tf.fill([p.length], alpha), tf.fill([p.length], 1 - alpha));
    const modulating = tf.pow(tf.sub(1, pt), gamma);
    return tf.neg(alphaT.mul(modulating).mul(tf.log(pt))).mean().dataSync()[0]!;
  });
}
