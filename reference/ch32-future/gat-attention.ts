import * as tf from '@tensorflow/tfjs';

export interface GatResult {
  alpha: number[][];
  output: number[][];
}

/**
 * One single-head GAT layer (Veličković et al., 2018) without the final non-linearity:
 * e_ij = LeakyReLU_0.2(a_l·Wh_i + a_r·Wh_j), a masked softmax over the closed neighbourhood
 * (A + I > 0), and h'_i = Σ_j α_ij Wh_j. Scores of all pairs come from one broadcast addition.
 */
export function gatAttention(A: number[][], H: number[][], W: number[][], a: number[]): GatResult {
  return tf.tidy(() => {
    const n = A.length;
    const Z = tf.matMul(tf.tensor2d(H), tf.tensor2d(W)); // n×F'
    const [aLeft, aRight] = tf.split(tf.tensor1d(a), 2);
    const fromSelf = tf.matMul(Z, aLeft!.reshape([-1, 1])); // n×1: a_l·Wh_i
    const fromNeighbour = tf.matMul(Z, aRight!.reshape([-1, 1])); // n×1: a_r·Wh_j
    const scores = tf.leakyRelu(tf.add(fromSelf, tf.transpose(fromNeighbour)), 0.2); // n×n
    const mask = tf.greater(tf.add(tf.tensor2d(A, [n, n]), tf.eye(n)), 0);
    const alpha = tf.mul(tf.softmax(tf.where(mask, scores, tf.fill([n, n], -1e9)), 1), tf.cast(mask, 'float32'));
    return { alpha: alpha.arraySync() as number[][], output: tf.matMul(alpha, Z).arraySync() as number[][] };
  });
}
