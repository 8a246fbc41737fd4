import * as tf from '@tensorflow/tfjs';

/** D(X) for a batch of rows: tanh(X Wᵀ + b) · v. */
function critic(x: tf.Tensor2D, W: number[][], b: number[], v: number[]): tf.Tensor1D {
  const hidden = tf.tanh(tf.matMul(x, tf.tensor2d(W), false, true).add(tf.tensor1d(b)));
  return tf.matMul(hidden, tf.tensor2d(v, [v.length, 1])).reshape([x.shape[0]]) as tf.Tensor1D;
}

function interpolateTensor(real: number[][], fake: number[][], eps: number[]): tf.Tensor2D {
  const e = tf.tensor2d(eps, [eps.length, 1]);
  return e.mul(tf.tensor2d(real)).add(tf.sub(1, e).mul(tf.tensor2d(fake))) as tf.Tensor2D;
}

export function interpolate(real: number[][], fake: number[][], eps: number[]): number[][] {
  return tf.tidy(() => interpolateTensor(real, fake, eps).arraySync());
}

/** Rows of ∇ₓD by autodiff: the rows are independent, so the gradient of Σᵢ D(xᵢ) gives them all. */
export function criticGradients(x: number[][], W: number[][], b: number[], v: number[]): number[][] {
  return tf.tidy(() => tf.grad((input: tf.Tensor) => critic(input as tf.Tensor2D, W, b, v).sum())(tf.tensor2d(x)).arraySync() as number[][]);
}

export function gradientPenalty(real: number[][], fake: number[][], eps: number[], W: number[][], b: number[], v: number[], lambda: number): number {
  return tf.tidy(() => {
    const xHat = interpolateTensor(real, fake, eps);
    const grads = tf.grad((input: tf.Tensor) => critic(input as tf.Tensor2D, W, b, v).sum())(xHat);
    const norms = tf.norm(grads, 'euclidean', 1);
    return tf.square(norms.sub(1)).mean().mul(lambda).dataSync()[0]!;
  });
}
