import * as tf from '@tensorflow/tfjs';

/** A binary classifier: F(x) = σ(tanh(x·W1 + b1)·v + b0), W1 is D×H. */
export interface Classifier {
  W1: number[][];
  b1: number[];
  v: number[];
  b0: number;
}

/** F applied row by row to a batch X (n×D), as a tensor of n probabilities. */
function forward(net: Classifier, X: tf.Tensor2D): tf.Tensor1D {
  const hidden = tf.tanh(tf.add(tf.matMul(X, tf.tensor2d(net.W1)), tf.tensor1d(net.b1)));
  const score = tf.add(tf.matMul(hidden, tf.tensor2d(net.v, [net.v.length, 1])), net.b0);
  return tf.sigmoid(score).reshape([-1]) as tf.Tensor1D;
}

/** F(x) for one input. */
export function probability(net: Classifier, x: number[]): number {
  return tf.tidy(() => forward(net, tf.tensor2d([x])).dataSync()[0]!);
}

/**
 * Integrated gradients with a right Riemann sum: the m points x' + (k/m)(x − x'), k = 1..m, are one
 * batch; tf.grad of ΣF over the batch gives every point's ∇F at once (the rows do not interact).
 */
export function integratedGradients(net: Classifier, x: number[], baseline: number[], m: number): number[] {
  return tf.tidy(() => {
    const xs = tf.tensor1d(x);
    const x0 = tf.tensor1d(baseline);
    const delta = tf.sub(xs, x0);
    const alphas = tf.linspace(1 / m, 1, m).reshape([m, 1]);
    const path = tf.add(x0, tf.mul(alphas, delta)) as tf.Tensor2D;
    const grads = tf.grad((X: tf.Tensor) => forward(net, X as tf.Tensor2D).sum())(path);
    return Array.from(tf.mul(delta, grads.mean(0)).dataSync());
  });
}
