import * as tf from '@tensorflow/tfjs';

/** Greedy NMS with tf.image.nonMaxSuppression (no score threshold: every box is a candidate). */
export function nonMaxSuppression(boxes: number[][], scores: number[], maxOutputSize: number, iouThreshold: number): number[] {
  return tf.tidy(() => {
    const selected = tf.image.nonMaxSuppression(
      tf.tensor2d(boxes, [boxes.length, 4]),
      tf.tensor1d(scores),
      maxOutputSize,
      iouThreshold,
      Number.NEGATIVE_INFINITY,
    );
    return Array.from(selected.dataSync());
  });
}
