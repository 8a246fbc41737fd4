import * as tf from '@tensorflow/tfjs';

/**
 * ∂y/∂A for the head y = Σ_k w_k · GAP(A)_k (global average pooling, then the class's dense
 * column w), by tf.grad through the tf ops of that head. A is H×W×K.
 */
export function gapDenseGrad(A: number[][][], w: number[]): number[][][] {
  return tf.tidy(() => {
    const weights = tf.tensor1d(w);
    const score = (a: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.mean(a, [0, 1]), weights));
    return tf.grad(score)(tf.tensor3d(A)).arraySync() as number[][][];
  });
}

/**
 * Grad-CAM with tf ops: α = mean of the gradients over the H×W positions of each channel,
 * L = ReLU(Σ_k α_k A_k), divided by its maximum (the all-zero map stays all zeros).
 */
export function gradCam(A: number[][][], dYdA: number[][][]): number[][] {
  return tf.tidy(() => {
    const acts = tf.tensor3d(A);
    const alpha = tf.mean(tf.tensor3d(dYdA), [0, 1]);
    const map = tf.relu(tf.sum(tf.mul(acts, alpha), 2));
    const peak = tf.max(map);
    const normalised = tf.where(tf.greater(peak, 0), tf.div(map, tf.maximum(peak, 1e-30)), tf.zerosLike(map));
    return normalised.arraySync() as number[][];
  });
}
