import * as tf from '@tensorflow/tfjs';

/** (x/255 − mean_c)/std_c on an N×H×W×C tensor, then reshaped to N×(H·W·C) (channels-last flatten). */
export function preprocessImages(images: number[][][][], mean: number[], std: number[]): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor4d(images);
    const normalised = x.div(255).sub(tf.tensor1d(mean)).div(tf.tensor1d(std));
    return normalised.reshape([images.length, -1]).arraySync() as number[][];
  });
}

/** Validation epoch: all batches concatenated, mean softmax cross-entropy and argmax accuracy. */
export function evaluateEpoch(logitBatches: number[][][], labelBatches: number[][]): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const logits = tf.concat(logitBatches.map((b) => tf.tensor2d(b)), 0);
    const labels = tf.tensor1d(labelBatches.flat(), 'int32');
    const k = logits.shape[1]!;
    const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, k), logits).dataSync()[0]!;
    const accuracy = tf.equal(tf.argMax(logits, 1), labels).cast('float32').mean().dataSync()[0]!;
    return { loss, accuracy };
  });
}
