import * as tf from '@tensorflow/tfjs';

/**
 * Skip-gram pairs from a position grid: row t (center) × column j (context) is kept when
 * 1 ≤ |j − t| ≤ k; reading the mask row by row gives the pairs in (t, j) order.
 */
export function skipgramPairs(tokens: string[], window: number): [string, string][] {
  const n = tokens.length;
  if (n === 0) return [];
  const mask = tf.tidy(() => {
    const distance = tf.abs(tf.sub(tf.range(0, n).reshape([1, n]), tf.range(0, n).reshape([n, 1])));
    return tf.logicalAnd(tf.greater(distance, 0), tf.lessEqual(distance, window)).arraySync() as number[][];
  });
  const pairs: [string, string][] = [];
  mask.forEach((row, t) => row.forEach((keep, j) => keep && pairs.push([tokens[t]!, tokens[j]!])));
  return pairs;
}

/** a·b / (‖a‖‖b‖) with tf ops; 0 when a norm is 0. */
export function cosineSimilarity(a: number[], b: number[]): number {
  return tf.tidy(() => {
    const x = tf.tensor1d(a);
    const y = tf.tensor1d(b);
    const norms = tf.norm(x).mul(tf.norm(y));
    const cos = tf.where(tf.equal(norms, 0), tf.scalar(0), tf.dot(x, y).div(norms));
    return cos.dataSync()[0]!;
  });
}
