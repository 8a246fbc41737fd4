import * as tf from '@tensorflow/tfjs';

export interface QuantParams {
  scale: number;
  zeroPoint: number;
}

/** round half up, ⌊v + 0.5⌋ (tf.round rounds half to even, which is not the convention asked for) */
const roundHalfUp = (v: tf.Tensor) => tf.floor(v.add(0.5));

/** Affine int8 parameters with tfjs ops on the range extended to contain 0. */
export function quantParams(min: number, max: number): QuantParams {
  const [scale, zeroPoint] = tf.tidy(() => {
    const lo = tf.minimum(min, 0);
    const hi = tf.maximum(max, 0);
    const range = hi.sub(lo);
    const s = tf.where(range.greater(0), range.div(255), tf.onesLike(range));
    const z = tf.clipByValue(tf.scalar(-128).sub(roundHalfUp(lo.div(s))), -128, 127);
    return [s.dataSync()[0]!, z.dataSync()[0]!];
  });
  return { scale: scale!, zeroPoint: zeroPoint! };
}

export function quantize(x: number[], scale: number, zeroPoint: number): number[] {
  return tf.tidy(() => Array.from(tf.clipByValue(roundHalfUp(tf.tensor1d(x).div(scale)).add(zeroPoint), -128, 127).dataSync()));
}

export function dequantize(q: number[], scale: number, zeroPoint: number): number[] {
  return tf.tidy(() => Array.from(tf.tensor1d(q).sub(zeroPoint).mul(scale).dataSync()));
}
