import * as tf from '@tensorflow/tfjs';

/** Multi-head self-attention: project, reshape to [h, n, d_h], batched attention, merge heads, project with Wo. */
export function multiHeadAttention(X: number[][], Wq: number[][], Wk: number[][], Wv: number[][], Wo: number[][], heads: number): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const [n, d] = x.shape;
    const dh = d / heads;
    const split = (w: number[][]) => tf.matMul(x, tf.tensor2d(w)).reshape([n, heads, dh]).transpose([1, 0, 2]) as tf.Tensor3D;
    const [q, k, v] = [split(Wq), split(Wk), split(Wv)];
    const weights = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(dh))); // [h, n, n]
    const merged = tf.matMul(weights, v).transpose([1, 0, 2]).reshape([n, d]) as tf.Tensor2D;
    return tf.matMul(merged, tf.tensor2d(Wo)).arraySync() as number[][];
  });
}
