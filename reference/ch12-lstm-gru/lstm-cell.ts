import * as tf from '@tensorflow/tfjs';

export interface LstmState {
  h: number[];
  c: number[];
}

/**
 * One LSTM step with tf.basicLSTMCell. Its kernel is [x; h]·K with K of shape (I+H)×4H and column
 * blocks in the order (i, j = candidate, f, o), plus a forgetBias added to f. Our layout is row blocks
 * (i, f, g, o) of W (4H×I) and U (4H×H), so K = [Wᵀ; Uᵀ] with its blocks reordered, and forgetBias = 0.
 */
export function lstmCell(x: number[], h: number[], c: number[], W: number[][], U: number[][], b: number[]): LstmState {
  return tf.tidy(() => {
    const hidden = h.length;
    const reorder = (t: tf.Tensor2D): tf.Tensor2D => {
      const [i, f, g, o] = tf.split(t, 4, 1);
      return tf.concat([i!, g!, f!, o!], 1) as tf.Tensor2D;
    };
    const kernel = reorder(tf.concat([tf.tensor2d(W).transpose(), tf.tensor2d(U).transpose()], 0) as tf.Tensor2D);
    const bias = reorder(tf.tensor2d(b, [1, 4 * hidden])).reshape([4 * hidden]) as tf.Tensor1D;
    const [newC, newH] = tf.basicLSTMCell(tf.scalar(0), kernel, bias, tf.tensor2d([x]), tf.tensor2d([c]), tf.tensor2d([h]));
    return { h: Array.from(newH!.dataSync()), c: Array.from(newC!.dataSync()) };
  });
}
