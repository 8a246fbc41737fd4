import * as tf from '@tensorflow/tfjs';

/**
 * Hinton et al.'s knowledge-distillation loss as the book writes it (§31.2), batch mean:
 *   α·CE(y, softmax(z_s)) + (1 − α)·T²·KL(softmax(z_t/T) ‖ softmax(z_s/T)),
 * with tf.logSoftmax for both tempered distributions and tf.losses.softmaxCrossEntropy for the hard term.
 */
export function distillationLoss(studentLogits: number[][], teacherLogits: number[][], labels: number[], T: number, alpha: number): number {
  return tf.tidy(() => {
    const zs = tf.tensor2d(studentLogits);
    const zt = tf.tensor2d(teacherLogits);
    const logPs = tf.logSoftmax(tf.div(zs, T));
    const logPt = tf.logSoftmax(tf.div(zt, T));
    const kl = tf.mean(tf.sum(tf.mul(tf.exp(logPt), tf.sub(logPt, logPs)), 1));
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), zs.shape[1]);
    const hard = tf.losses.softmaxCrossEntropy(oneHot, zs);
    return tf.add(tf.mul(alpha, hard), tf.mul((1 - alpha) * T * T, kl)).dataSync()[0]!;
  });
}
