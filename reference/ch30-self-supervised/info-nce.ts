import * as tf from '@tensorflow/tfjs';

export interface InfoNceResult {
  loss: number;
  accuracy: number;
}

/**
 * MoCo-style InfoNCE: logits [q·k₊, q·queue_1, …, q·queue_K] / τ per query, cross-entropy with the
 * positive as class 0 (tf.losses.softmaxCrossEntropy, mean over the batch); accuracy is the share of
 * queries whose positive logit beats every negative strictly.
 */
export function infoNce(queries: number[][], keys: number[][], queue: number[][], tau: number): InfoNceResult {
  return tf.tidy(() => {
    const q = tf.tensor2d(queries);
    const positive = tf.sum(tf.mul(q, tf.tensor2d(keys)), 1, true); // B×1
    const negative = tf.matMul(q, tf.tensor2d(queue), false, true); // B×K
    const logits = tf.div(tf.concat([positive, negative], 1), tau);
    const labels = tf.oneHot(tf.zeros([queries.length], 'int32') as tf.Tensor1D, queue.length + 1);
    const loss = tf.losses.softmaxCrossEntropy(labels, logits);
    const hits = tf.greater(positive.reshape([-1]), tf.max(negative, 1));
    // count in tfjs, divide in float64: 1/3 must not come back as float32's 0.33333334
    return { loss: loss.dataSync()[0]!, accuracy: tf.sum(tf.cast(hits, 'int32')).dataSync()[0]! / queries.length };
  });
}
