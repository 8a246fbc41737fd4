import * as tf from '@tensorflow/tfjs';

export function reparameterize(mu: number[][], logvar: number[][], eps: number[][]): number[][] {
  return tf.tidy(() => tf.add(tf.tensor2d(mu), tf.exp(tf.tensor2d(logvar).mul(0.5)).mul(tf.tensor2d(eps))).arraySync() as number[][]);
}

/** Batch mean of KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + logvar − μ² − e^logvar), as a tensor function (for tf.grads). */
function klTerm(mu: tf.Tensor, logvar: tf.Tensor): tf.Scalar {
  const perExample = tf.sum(tf.onesLike(mu).add(logvar).sub(tf.square(mu)).sub(tf.exp(logvar)), 1).mul(-0.5);
  return tf.mean(perExample) as tf.Scalar;
}

/** Negative ELBO: tf.losses.logLoss (BCE on probabilities) summed, over the batch size, + β·KL. */
export function vaeLoss(x: number[][], xHat: number[][], mu: number[][], logvar: number[][], beta: number): { reconstruction: number; kl: number; total: number } {
  return tf.tidy(() => {
    const batch = x.length;
    const bce = tf.losses.logLoss(tf.tensor2d(x), tf.tensor2d(xHat), undefined, 1e-12, tf.Reduction.SUM).div(batch);
    const kl = klTerm(tf.tensor2d(mu), tf.tensor2d(logvar));
    const total = bce.add(kl.mul(beta));
    return { reconstruction: bce.dataSync()[0]!, kl: kl.dataSync()[0]!, total: total.dataSync()[0]! };
  });
}

/** ∂KL/∂μ and ∂KL/∂logvar by automatic differentiation. */
export function klGradients(mu: number[][], logvar: number[][]): { dMu: number[][]; dLogvar: number[][] } {
  return tf.tidy(() => {
    const [dMu, dLogvar] = tf.grads((m: tf.Tensor, l: tf.Tensor) => klTerm(m, l))([tf.tensor2d(mu), tf.tensor2d(logvar)]);
    return { dMu: dMu!.arraySync() as number[][], dLogvar: dLogvar!.arraySync() as number[][] };
  });
}
