import * as tf from '@tensorflow/tfjs';

/**
 * SimCLR's NT-Xent loss over 2N embeddings (rows i and i + N are two views of the same example):
 * L2-normalised rows, cosine similarities / τ, the diagonal masked out, a log-softmax per row and the
 * positive's log-probability picked with a one-hot mask; the mean over the 2N anchors.
 */
export function ntXent(z: number[][], tau: number): number {
  return tf.tidy(() => {
    const twoN = z.length;
    const n = twoN / 2;
    const Z = tf.tensor2d(z);
    const unit = tf.div(Z, tf.norm(Z, 'euclidean', 1, true));
    const sim = tf.div(tf.matMul(unit, unit, false, true), tau);
    const logits = tf.where(tf.cast(tf.eye(twoN), 'bool'), tf.fill([twoN, twoN], -Infinity), sim);
    const logProb = tf.logSoftmax(logits, 1);
    const positive = tf.tensor1d(Array.from({ length: twoN }, (_, i) => (i + n) % twoN), 'int32');
    const picked = tf.sum(tf.mul(tf.where(tf.cast(tf.eye(twoN), 'bool'), tf.zerosLike(logProb), logProb), tf.oneHot(positive, twoN)), 1);
    return tf.neg(tf.mean(picked)).dataSync()[0]!;
  });
}
