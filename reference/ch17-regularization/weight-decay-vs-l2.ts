import * as tf from '@tensorflow/tfjs';

export interface AdamHyper {
  lr: number;
  lambda: number;
  beta1: number;
  beta2: number;
  eps: number;
  steps: number;
}

/** Mean squared error of a bias-free linear regression, (1/N)·‖Xw − y‖². */
function mse(w: tf.Variable, X: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
  return tf.losses.meanSquaredError(y, tf.matMul(X, w.expandDims(1)).squeeze([1])) as tf.Scalar;
}

function run(w0: number[], X: number[][], y: number[], hp: AdamHyper, decoupled: boolean): number[] {
  const w = tf.variable(tf.tensor1d(w0));
  const optimizer = tf.train.adam(hp.lr, hp.beta1, hp.beta2, hp.eps);
  try {
    tf.tidy(() => {
      const x = tf.tensor2d(X, [X.length, w0.length]);
      const t = tf.tensor1d(y);
      for (let step = 0; step < hp.steps; step++) {
        if (decoupled) {
          // AdamW: Adam sees only the data loss; the decay λ·w (old w) is applied outside the optimizer.
          const decay = tf.tidy(() => w.mul(hp.lr * hp.lambda));
          optimizer.minimize(() => mse(w, x, t), false, [w]);
          w.assign(w.sub(decay));
          decay.dispose();
        } else {
          // L2: the penalty is part of the loss that Adam differentiates.
          optimizer.minimize(() => mse(w, x, t).add(w.square().sum().mul(hp.lambda / 2)) as tf.Scalar, false, [w]);
        }
      }
    });
    return Array.from(w.dataSync());
  } finally {
    optimizer.dispose();
    w.dispose();
  }
}

/** Adam on J(w) = MSE(w) + (λ/2)·‖w‖², with tf.train.adam differentiating the whole J. */
export function adamL2(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  return run(w0, X, y, hp, false);
}

/** AdamW: tf.train.adam on the MSE plus the decoupled shrink w ← w − η·λ·w. */
export function adamW(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  return run(w0, X, y, hp, true);
}
