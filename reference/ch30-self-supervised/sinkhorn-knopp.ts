import * as tf from '@tensorflow/tfjs';

/**
 * SwAV's Sinkhorn-Knopp codes. Q = exp((S − max S)/ε)ᵀ (K×B; the global max cancels in the
 * normalisations and keeps float32 from overflowing), scaled to total mass 1, then `iterations` rounds
 * of: rows (prototypes) to 1/K each, columns (samples) to 1/B each; finally each sample's column is
 * normalised to 1 and the result transposed back to B×K.
 */
export function sinkhornKnopp(scores: number[][], epsilon: number, iterations: number): number[][] {
  return tf.tidy(() => {
    const S = tf.tensor2d(scores);
    const [B, K] = S.shape;
    let Q = tf.transpose(tf.exp(tf.div(tf.sub(S, tf.max(S)), epsilon))); // K×B
    Q = tf.div(Q, tf.sum(Q));
    for (let it = 0; it < iterations; it++) {
      Q = tf.div(Q, tf.mul(tf.sum(Q, 1, true), K)); // each prototype row sums to 1/K
      Q = tf.div(Q, tf.mul(tf.sum(Q, 0, true), B)); // each sample column sums to 1/B
    }
    return tf.transpose(tf.div(Q, tf.sum(Q, 0, true))).arraySync() as number[][];
  });
}
