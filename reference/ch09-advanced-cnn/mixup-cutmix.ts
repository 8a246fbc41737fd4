import * as tf from '@tensorflow/tfjs';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Mixed {
  image: number[][][];
  label: number[];
}

/** Mixup with tfjs arithmetic: λ·a + (1 − λ)·b on images and labels. */
export function mixup(x1: number[][][], y1: number[], x2: number[][][], y2: number[], lambda: number): Mixed {
  return tf.tidy(() => {
    const mix = (a: tf.Tensor, b: tf.Tensor) => a.mul(lambda).add(b.mul(1 - lambda));
    return {
      image: mix(tf.tensor3d(x1), tf.tensor3d(x2)).arraySync() as number[][][],
      label: mix(tf.tensor1d(y1), tf.tensor1d(y2)).arraySync() as number[],
    };
  });
}

/** CutMix: a boolean H×W mask built from tf.range comparisons selects x2 with tf.where; λ = 1 − mean(mask). */
export function cutmix(x1: number[][][], y1: number[], x2: number[][][], y2: number[], box: Box): Mixed {
  return tf.tidy(() => {
    const a = tf.tensor3d(x1);
    const b = tf.tensor3d(x2);
    const [h, w, c] = a.shape;
    const rows = tf.range(0, h);
    const cols = tf.range(0, w);
    const inRows = tf.logicalAnd(rows.greaterEqual(box.top), rows.less(box.bottom)).reshape([h, 1]);
    const inCols = tf.logicalAnd(cols.greaterEqual(box.left), cols.less(box.right)).reshape([1, w]);
    const mask = tf.logicalAnd(inRows, inCols); // H×W, broadcast
    const image = tf.where(mask.reshape([h, w, 1]).tile([1, 1, c]), b, a);
    const lambda = tf.sub(1, mask.cast('float32').mean());
    const label = tf.tensor1d(y1).mul(lambda).add(tf.tensor1d(y2).mul(tf.sub(1, lambda)));
    return { image: image.arraySync() as number[][][], label: label.arraySync() as number[] };
  });
}
