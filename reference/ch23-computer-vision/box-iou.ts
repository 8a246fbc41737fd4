import * as tf from '@tensorflow/tfjs';

/**
 * Pairwise IoU of [y1, x1, y2, x2] boxes with broadcasting: A as N×1 columns against B as 1×M rows.
 */
export function boxIou(boxesA: number[][], boxesB: number[][]): number[][] {
  return tf.tidy(() => {
    const [ay1, ax1, ay2, ax2] = tf.split(tf.tensor2d(boxesA, [boxesA.length, 4]), 4, 1); // each N×1
    const [by1, bx1, by2, bx2] = tf.split(tf.tensor2d(boxesB, [boxesB.length, 4]).transpose(), 4, 0); // each 1×M
    const interH = tf.relu(tf.minimum(ay2!, by2!).sub(tf.maximum(ay1!, by1!)));
    const interW = tf.relu(tf.minimum(ax2!, bx2!).sub(tf.maximum(ax1!, bx1!)));
    const inter = interH.mul(interW); // N×M
    const areaA = ay2!.sub(ay1!).mul(ax2!.sub(ax1!)); // N×1
    const areaB = by2!.sub(by1!).mul(bx2!.sub(bx1!)); // 1×M
    const union = areaA.add(areaB).sub(inter);
    return inter.div(union).arraySync() as number[][];
  });
}
