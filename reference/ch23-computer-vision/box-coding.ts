import * as tf from '@tensorflow/tfjs';

/** [y1, x1, y2, x2] (N×4) → centres (N×2, order y, x) and sizes (N×2, order h, w). */
function centreSize(corners: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const [lo, hi] = tf.split(corners, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
  return [lo.add(hi).div(2), hi.sub(lo)];
}

export function encodeBoxes(anchors: number[][], boxes: number[][]): number[][] {
  return tf.tidy(() => {
    const [ca, sa] = centreSize(tf.tensor2d(anchors, [anchors.length, 4]));
    const [cb, sb] = centreSize(tf.tensor2d(boxes, [boxes.length, 4]));
    return tf.concat([cb.sub(ca).div(sa), tf.log(sb.div(sa))], 1).arraySync() as number[][];
  });
}

export function decodeBoxes(anchors: number[][], deltas: number[][]): number[][] {
  return tf.tidy(() => {
    const [ca, sa] = centreSize(tf.tensor2d(anchors, [anchors.length, 4]));
    const [dc, ds] = tf.split(tf.tensor2d(deltas, [deltas.length, 4]), 2, 1);
    const centre = dc!.mul(sa).add(ca);
    const half = tf.exp(ds!).mul(sa).div(2);
    return tf.concat([centre.sub(half), centre.add(half)], 1).arraySync() as number[][];
  });
}
