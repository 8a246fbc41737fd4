import * as tf from '@tensorflow/tfjs';

export interface Batch {
  x: number[][];
  y: number[];
}

/** Gathers the dataset in the permuted order with tf.gather, then slices it into consecutive batches. */
export function makeBatches(X: number[][], y: number[], batchSize: number, perm: number[], dropLast: boolean): Batch[] {
  const n = perm.length;
  const count = dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
  const batches: Batch[] = [];
  tf.tidy(() => {
    const order = tf.tensor1d(perm, 'int32');
    const xs = tf.gather(tf.tensor2d(X, [X.length, X[0]!.length]), order);
    const ys = tf.gather(tf.tensor1d(y), order);
    for (let b = 0; b < count; b++) {
      const size = Math.min(batchSize, n - b * batchSize);
      batches.push({
        x: xs.slice([b * batchSize, 0], [size, -1]).arraySync() as number[][],
        y: Array.from(ys.slice([b * batchSize], [size]).dataSync()),
      });
    }
  });
  return batches;
}
