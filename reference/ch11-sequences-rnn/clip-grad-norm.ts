import * as tf from '@tensorflow/tfjs';

export interface Clipped {
  grads: number[][][];
  totalNorm: number;
}

/** Global-norm clipping: one norm over every tensor (tf.addN of squared sums), one scale for all. */
export function clipGradNorm(grads: number[][][], maxNorm: number): Clipped {
  return tf.tidy(() => {
    const tensors = grads.map((g) => tf.tensor2d(g));
    const norm = tf.sqrt(tf.addN(tensors.map((t) => t.square().sum())));
    const scale = tf.minimum(tf.scalar(1), tf.scalar(maxNorm).div(norm.add(1e-6)));
    return {
      grads: tensors.map((t) => t.mul(scale).arraySync() as number[][]),
      totalNorm: norm.dataSync()[0]!,
    };
  });
}
