import * as tf from '@tensorflow/tfjs';

/**
 * One semi-gradient step: Q ← Q − α·∇_Q ½(y − Q[s][a])², with the target y held constant.
 * The gradient is −(y − Q[s][a]) on entry [s][a] and 0 elsewhere, so this is the TD update.
 */
function tdStep(q: number[][], s: number, a: number, target: (table: tf.Tensor2D) => tf.Scalar, alpha: number): number[][] {
  return tf.tidy(() => {
    const table = tf.tensor2d(q);
    const [nS, nA] = table.shape;
    const y = target(table); // a constant for the gradient
    // 1 at [s][a], 0 elsewhere
    const pick = tf.logicalAnd(tf.equal(tf.range(0, nS).reshape([nS, 1]), s), tf.equal(tf.range(0, nA).reshape([1, nA]), a)).toFloat();
    const loss = (t: tf.Tensor) => tf.square(tf.sub(y, t.mul(pick).sum())).mul(0.5) as tf.Scalar;
    const grad = tf.grad(loss)(table);
    return table.sub(grad.mul(alpha)).arraySync() as number[][];
  });
}

export function qLearningUpdate(q: number[][], s: number, a: number, r: number, sNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  return tdStep(q, s, a, (table) => tf.add(r, done ? 0 : table.gather([sNext]).max().mul(gamma)) as tf.Scalar, alpha);
}

export function sarsaUpdate(q: number[][], s: number, a: number, r: number, sNext: number, aNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  return tdStep(q, s, a, (table) => tf.add(r, done ? 0 : table.slice([sNext, aNext], [1, 1]).sum().mul(gamma)) as tf.Scalar, alpha);
}
