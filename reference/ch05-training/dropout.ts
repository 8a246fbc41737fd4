import * as tf from '@tensorflow/tfjs';

function forward(x: tf.Tensor, mask: tf.Tensor, p: number): tf.Tensor {
  return tf.div(tf.mul(x, mask), 1 - p);
}

export function dropoutForward(x: number[][], mask: number[][], p: number, training: boolean): number[][] {
  return tf.tidy(() => {
    const input = tf.tensor2d(x);
    return (training ? forward(input, tf.tensor2d(mask), p) : input).arraySync() as number[][];
  });
}

/** ∂/∂x of Σ dy ⊙ dropout(x), by tf.grad. */
export function dropoutBackward(dy: number[][], mask: number[][], p: number): number[][] {
  return tf.tidy(() => {
    const m = tf.tensor2d(mask);
    const upstream = tf.tensor2d(dy);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(forward(x, m, p), upstream)));
    return g(tf.zerosLike(upstream)).arraySync() as number[][];
  });
}
