import * as tf from '@tensorflow/tfjs';

export interface ResidualGrads {
  dX: number[][];
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

function block(x: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor): tf.Tensor {
  const h = tf.relu(tf.add(tf.matMul(x as tf.Tensor2D, w1 as tf.Tensor2D), b1));
  return tf.add(x, tf.add(tf.matMul(h as tf.Tensor2D, w2 as tf.Tensor2D), b2));
}

export function residualForward(X: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  return tf.tidy(() => block(tf.tensor2d(X), tf.tensor2d(W1), tf.tensor1d(b1), tf.tensor2d(W2), tf.tensor1d(b2)).arraySync() as number[][]);
}

/** Gradients of Σ dY ⊙ Y with respect to every input, by tf.grads. */
export function residualBackward(
  X: number[][],
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
  dY: number[][],
): ResidualGrads {
  return tf.tidy(() => {
    const upstream = tf.tensor2d(dY);
    const grads = tf.grads((x: tf.Tensor, w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor) =>
      tf.sum(tf.mul(block(x, w1, c1, w2, c2), upstream)),
    );
    const [dX, dW1, db1, dW2, db2] = grads([tf.tensor2d(X), tf.tensor2d(W1), tf.tensor1d(b1), tf.tensor2d(W2), tf.tensor1d(b2)]);
    return {
      dX: dX!.arraySync() as number[][],
      dW1: dW1!.arraySync() as number[][],
      db1: Array.from(db1!.dataSync()),
      dW2: dW2!.arraySync() as number[][],
      db2: Array.from(db2!.dataSync()),
    };
  });
}
