import * as tf from '@tensorflow/tfjs';

export function tanhLayer(W: number[][], x: number[]): number[] {
  return tf.tidy(() => Array.from(tf.tanh(tf.matMul(tf.tensor2d(W), tf.tensor2d(x, [x.length, 1]))).dataSync()));
}

/** Row i of the Jacobian is the gradient of F_i, obtained with tf.grad (one backward pass per output). */
export function analyticJacobian(W: number[][], x: number[]): number[][] {
  return tf.tidy(() => {
    const w = tf.tensor2d(W);
    const f = (v: tf.Tensor) => tf.tanh(tf.matMul(w, v.reshape([x.length, 1]))).reshape([W.length]);
    return W.map((_, i) => {
      const fi = tf.grad((v: tf.Tensor) => f(v).slice([i], [1]).sum());
      return Array.from(fi(tf.tensor1d(x)).dataSync());
    });
  });
}

/**
 * Central differences for every input at once: the columns of x·1ᵀ ± h·I are the n perturbed
 * inputs, so tanh(W·(x1ᵀ ± hI)) holds F(x ± h e_j) in its column j.
 */
export function numericalJacobian(W: number[][], x: number[], h: number): number[][] {
  return tf.tidy(() => {
    const n = x.length;
    const w = tf.tensor2d(W);
    const base = tf.tile(tf.tensor2d(x, [n, 1]), [1, n]);
    const step = tf.eye(n).mul(h);
    const plus = tf.tanh(tf.matMul(w, base.add(step)));
    const minus = tf.tanh(tf.matMul(w, base.sub(step)));
    return plus.sub(minus).div(2 * h).arraySync() as number[][];
  });
}

export function relativeError(A: number[][], B: number[][]): number {
  return tf.tidy(() => {
    const a = tf.tensor2d(A);
    const b = tf.tensor2d(B);
    return tf.divNoNan(tf.norm(a.sub(b)), tf.norm(a).add(tf.norm(b))).dataSync()[0]!;
  });
}
