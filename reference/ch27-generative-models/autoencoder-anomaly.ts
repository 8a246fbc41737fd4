import * as tf from '@tensorflow/tfjs';

function errorsTensor(x: number[][], xHat: number[][]): tf.Tensor1D {
  return tf.squaredDifference(tf.tensor2d(x), tf.tensor2d(xHat)).mean(1) as tf.Tensor1D;
}

export function reconstructionErrors(x: number[][], xHat: number[][]): number[] {
  return tf.tidy(() => Array.from(errorsTensor(x, xHat).dataSync()));
}

/** Linear-interpolation quantile: ascending order from tf.topk on the negated values, then a lerp. */
function quantileTensor(values: tf.Tensor1D, q: number): tf.Scalar {
  const n = values.shape[0];
  const ascending = tf.topk(values.neg(), n).values.neg();
  const position = q * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const vLo = ascending.slice(lo, 1);
  const vHi = ascending.slice(hi, 1);
  return vLo.add(vHi.sub(vLo).mul(position - lo)).reshape([]) as tf.Scalar;
}

export function quantile(values: number[], q: number): number {
  return tf.tidy(() => quantileTensor(tf.tensor1d(values), q).dataSync()[0]!);
}

export function detectAnomalies(trainX: number[][], trainXHat: number[][], testX: number[][], testXHat: number[][], q: number): boolean[] {
  const flags = tf.tidy(() => {
    const threshold = quantileTensor(errorsTensor(trainX, trainXHat), q);
    return Array.from(tf.greater(errorsTensor(testX, testXHat), threshold).dataSync());
  });
  return flags.map((f) => f === 1);
}
