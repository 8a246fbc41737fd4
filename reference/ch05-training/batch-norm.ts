import * as tf from '@tensorflow/tfjs';

export interface BatchNormForward {
  y: number[][];
  runningMean: number[];
  runningVar: number[];
}

export interface BatchNormGrads {
  dx: number[][];
  dgamma: number[];
  dbeta: number[];
}

/** y = tf.batchNorm with the statistics of tf.moments over the batch axis. */
function normalise(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, 0);
  return tf.batchNorm(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta, gamma, eps);
}

export function batchNormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  momentum: number,
  eps: number,
): BatchNormForward {
  return tf.tidy(() => {
    const xt = tf.tensor2d(x);
    const n = x.length;
    const { mean, variance } = tf.moments(xt, 0);
    const y = normalise(xt, tf.tensor1d(gamma), tf.tensor1d(beta), eps);
    const unbiased = variance.mul(n / (n - 1));
    const rm = tf.tensor1d(runningMean).mul(1 - momentum).add(mean.mul(momentum));
    const rv = tf.tensor1d(runningVar).mul(1 - momentum).add(unbiased.mul(momentum));
    return { y: y.arraySync() as number[][], runningMean: Array.from(rm.dataSync()), runningVar: Array.from(rv.dataSync()) };
  });
}

/** The gradients of L = Σ dy ⊙ y with respect to x, gamma and beta, by tf.grads (autodiff through tf.moments). */
export function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): BatchNormGrads {
  return tf.tidy(() => {
    const upstream = tf.tensor2d(dy);
    const grads = tf.grads((xt: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(normalise(xt as tf.Tensor2D, g as tf.Tensor1D, b as tf.Tensor1D, eps), upstream)),
    );
    const [dx, dgamma, dbeta] = grads([tf.tensor2d(x), tf.tensor1d(gamma), tf.zeros([gamma.length])]);
    return { dx: dx!.arraySync() as number[][], dgamma: Array.from(dgamma!.dataSync()), dbeta: Array.from(dbeta!.dataSync()) };
  });
}
