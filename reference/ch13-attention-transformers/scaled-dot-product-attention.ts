import * as tf from '@tensorflow/tfjs';

export interface AttentionResult {
  output: number[][];
  weights: number[][];
}

/** softmax(Q·Kᵀ/√d_k) with masked scores replaced by a huge negative number before tf.softmax, then ·V. */
export function scaledDotProductAttention(Q: number[][], K: number[][], V: number[][], mask?: boolean[][]): AttentionResult {
  return tf.tidy(() => {
    const q = tf.tensor2d(Q);
    const dk = q.shape[1];
    let scores = tf.matMul(q, tf.tensor2d(K), false, true).div(Math.sqrt(dk));
    if (mask) {
      const allowed = tf.tensor2d(mask.map((row) => row.map((v) => (v ? 1 : 0))), undefined, 'bool');
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    }
    const weights = tf.softmax(scores);
    return {
      output: tf.matMul(weights, tf.tensor2d(V)).arraySync() as number[][],
      weights: weights.arraySync() as number[][],
    };
  });
}
