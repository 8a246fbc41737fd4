import * as tf from '@tensorflow/tfjs';

export interface Pruned {
  weights: number[][];
  mask: number[][];
}

/** Global magnitude pruning: tf.topk of −|w| picks the k smallest magnitudes (lower index first on ties). */
export function magnitudePrune(layers: number[][], sparsity: number): Pruned {
  const sizes = layers.map((layer) => layer.length);
  const n = sizes.reduce((a, b) => a + b, 0);
  const k = Math.floor(sparsity * n);
  const [maskFlat, prunedFlat] = tf.tidy(() => {
    const w = tf.tensor1d(layers.flat());
    const pruned = k > 0 ? tf.scatterND(tf.topk(tf.neg(tf.abs(w)), k).indices.expandDims(1), tf.ones([k]), [n]) : tf.zeros([n]);
    const mask = tf.sub(1, pruned);
    return [Array.from(mask.dataSync()), Array.from(w.mul(mask).dataSync())];
  });
  let offset = 0;
  const weights: number[][] = [];
  const mask: number[][] = [];
  for (const size of sizes) {
    weights.push(prunedFlat!.slice(offset, offset + size).map((v) => v + 0)); // + 0: −0 → 0
    mask.push(maskFlat!.slice(offset, offset + size));
    offset += size;
  }
  return { weights, mask };
}
