import * as tf from '@tensorflow/tfjs';

/** ViT patch embedding: reshape/transpose into raster-ordered patches, one matMul, prepend CLS, add positions. */
export function patchEmbedding(
  image: number[][][],
  patchSize: number,
  weight: number[][],
  bias: number[],
  clsToken: number[],
  positions: number[][],
): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor3d(image);
    const [h, w, c] = x.shape;
    const p = patchSize;
    const patches = x
      .reshape([h / p, p, w / p, p, c])
      .transpose([0, 2, 1, 3, 4]) // [patch row, patch col, a, b, c]
      .reshape([(h / p) * (w / p), p * p * c]);
    const tokens = tf.matMul(patches, tf.tensor2d(weight)).add(tf.tensor1d(bias));
    const withCls = tf.concat([tf.tensor2d([clsToken]), tokens], 0);
    return withCls.add(tf.tensor2d(positions)).arraySync() as number[][];
  });
}
