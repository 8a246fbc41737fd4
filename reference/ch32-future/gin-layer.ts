import * as tf from '@tensorflow/tfjs';

/** The MLP of a GIN layer: ReLU(x·W1 + b1)·W2 + b2. */
export interface GinMlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/**
 * GIN (Xu et al., 2019): h'_v = MLP((1 + ε)·h_v + Σ_{u∈N(v)} h_u). The aggregation for all nodes at once
 * is (A + (1 + ε)·I)·H, one tf.matMul.
 */
export function ginLayer(A: number[][], H: number[][], epsilon: number, mlp: GinMlp): number[][] {
  return tf.tidy(() => {
    const n = A.length;
    const operator = tf.add(tf.tensor2d(A, [n, n]), tf.mul(tf.eye(n), 1 + epsilon));
    const aggregated = tf.matMul(operator, tf.tensor2d(H));
    const hidden = tf.relu(tf.add(tf.matMul(aggregated, tf.tensor2d(mlp.W1)), tf.tensor1d(mlp.b1)));
    return tf.add(tf.matMul(hidden, tf.tensor2d(mlp.W2)), tf.tensor1d(mlp.b2)).arraySync() as number[][];
  });
}
