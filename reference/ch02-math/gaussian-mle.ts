import * as tf from '@tensorflow/tfjs';

/** Σ −log N(x | μ, σ²), written with tfjs ops (so that tf.grads can differentiate it). */
function nll(x: tf.Tensor, mu: tf.Tensor, sigma: tf.Tensor): tf.Scalar {
  const variance = tf.square(sigma);
  const perSample = tf.add(tf.mul(0.5, tf.log(tf.mul(2 * Math.PI, variance))), tf.div(tf.square(tf.sub(x, mu)), tf.mul(2, variance)));
  return tf.sum(perSample);
}

export function gaussianNll(x: number[], mu: number, sigma: number): number {
  return tf.tidy(() => nll(tf.tensor1d(x), tf.scalar(mu), tf.scalar(sigma)).dataSync()[0]!);
}

/** Both partial derivatives by tf.grads. */
export function gaussianNllGradient(x: number[], mu: number, sigma: number): { dmu: number; dsigma: number } {
  return tf.tidy(() => {
    const data = tf.tensor1d(x);
    const [dmu, dsigma] = tf.grads((m: tf.Tensor, s: tf.Tensor) => nll(data, m, s))([tf.scalar(mu), tf.scalar(sigma)]);
    return { dmu: dmu!.dataSync()[0]!, dsigma: dsigma!.dataSync()[0]! };
  });
}

/** The estimates from tf.moments (whose variance is the biased, ÷N, one). */
export function gaussianMle(x: number[]): { mu: number; sigma: number } {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(tf.tensor1d(x));
    return { mu: mean.dataSync()[0]!, sigma: tf.sqrt(variance).dataSync()[0]! };
  });
}
