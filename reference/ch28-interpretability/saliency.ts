import * as tf from '@tensorflow/tfjs';

/** A 2-layer MLP: logits = ReLU(x·W1 + b1)·W2 + b2, W1 is D×H and W2 is H×C. */
export interface Mlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** Vanilla saliency ∂z_c/∂x with TensorFlow.js autodiff (tf.grad through the forward pass). */
export function saliency(net: Mlp, x: number[], c: number): number[] {
  return tf.tidy(() => {
    const W1 = tf.tensor2d(net.W1);
    const b1 = tf.tensor1d(net.b1);
    const W2 = tf.tensor2d(net.W2);
    const b2 = tf.tensor1d(net.b2);
    const classScore = (input: tf.Tensor): tf.Scalar => {
      const hidden = tf.relu(tf.add(tf.matMul(input.reshape([1, -1]), W1), b1));
      const logits = tf.add(tf.matMul(hidden, W2), b2);
      // z_c by slicing (gather's gradient needs a kernel the wasm backend lacks)
      return tf.slice(logits, [0, c], [1, 1]).sum() as tf.Scalar;
    };
    return Array.from(tf.grad(classScore)(tf.tensor1d(x)).dataSync());
  });
}
