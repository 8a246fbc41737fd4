import * as tf from '@tensorflow/tfjs';

/** Kipf & Welling's GCN layer, ReLU(D̃^{-1/2} Ã D̃^{-1/2} H W) with Ã = A + I, as tfjs matrix ops. */
export function gcnLayer(A: number[][], H: number[][], W: number[][]): number[][] {
  return tf.tidy(() => {
    const n = A.length;
    const selfLoops = tf.add(tf.tensor2d(A, [n, n]), tf.eye(n));
    const invSqrtDegree = tf.rsqrt(tf.sum(selfLoops, 1)); // D̃^{-1/2} as a vector
    const normalised = tf.mul(tf.mul(invSqrtDegree.reshape([n, 1]), selfLoops), invSqrtDegree.reshape([1, n]));
    return tf.relu(tf.matMul(tf.matMul(normalised, tf.tensor2d(H)), tf.tensor2d(W))).arraySync() as number[][];
  });
}
