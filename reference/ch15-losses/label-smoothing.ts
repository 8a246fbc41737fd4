import * as tf from '@tensorflow/tfjs';

/**
 * tf.losses.softmaxCrossEntropy with its labelSmoothing argument (targets (1 − ε)·onehot + ε/K,
 * mean over the batch), and its gradient by tf.grad.
 */
export function labelSmoothingCE(logits: number[][], labels: number[], eps: number): { loss: number; dLogits: number[][] } {
  return tf.tidy(() => {
    const z = tf.tensor2d(logits);
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), z.shape[1]);
    const lossOf = (x: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, x, undefined, eps) as tf.Scalar;
    const { value, grad } = tf.valueAndGrad(lossOf)(z);
    return { loss: value.dataSync()[0]!, dLogits: grad.arraySync() as number[][] };
  });
}
