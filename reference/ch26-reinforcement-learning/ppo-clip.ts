import * as tf from '@tensorflow/tfjs';

/** The clipped surrogate with tf.minimum / tf.clipByValue, its gradient by tf.valueAndGrad. */
export function ppoClip(
  logpNew: number[],
  logpOld: number[],
  advantages: number[],
  clipEps: number,
): { loss: number; dLogpNew: number[]; clipFraction: number } {
  return tf.tidy(() => {
    const old = tf.tensor1d(logpOld);
    const adv = tf.tensor1d(advantages);
    const ratioOf = (lp: tf.Tensor) => tf.exp(tf.sub(lp, old));
    const lossOf = (lp: tf.Tensor): tf.Scalar => {
      const r = ratioOf(lp);
      return tf.neg(tf.mean(tf.minimum(tf.mul(r, adv), tf.mul(tf.clipByValue(r, 1 - clipEps, 1 + clipEps), adv)))) as tf.Scalar;
    };
    const lp = tf.tensor1d(logpNew);
    const { value, grad } = tf.valueAndGrad(lossOf)(lp);
    const outside = tf.greater(tf.abs(tf.sub(ratioOf(lp), 1)), clipEps);
    return {
      loss: value.dataSync()[0]!,
      dLogpNew: Array.from(grad.dataSync()),
      clipFraction: tf.mean(tf.cast(outside, 'float32')).dataSync()[0]!,
    };
  });
}
