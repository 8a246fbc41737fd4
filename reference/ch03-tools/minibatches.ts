import * as tf from '@tensorflow/tfjs';

export interface Batch {
  x: number[][];
  y: number[];
}

/** tf.gather reorders the whole data set by the permutation, tf.split cuts it into the batch sizes. */
export function makeBatches(X: number[][], y: number[], batchSize: number, permutation: number[], dropLast: boolean): Batch[] {
  const n = permutation.length;
  const full = Math.floor(n / batchSize);
  const rest = n - full * batchSize;
  const sizes = [...new Array<number>(full).fill(batchSize), ...(rest > 0 ? [rest] : [])];
  return tf.tidy(() => {
    const order = tf.tensor1d(permutation, 'int32');
    const xs = tf.split(tf.gather(tf.tensor2d(X), order), sizes);
    const ys = tf.split(tf.gather(tf.tensor1d(y), order), sizes);
    const batches = xs.map((xb, b) => ({ x: xb.arraySync() as number[][], y: Array.from(ys[b]!.dataSync()) }));
    return dropLast && rest > 0 ? batches.slice(0, full) : batches;
  });
}
