import * as tf from '@tensorflow/tfjs';

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Rows are the true labels, columns the predictions: oneHot(yTrue)ᵀ · oneHot(yPred).
 * (tf.math.confusionMatrix does the same, but its int32 matMul is not supported on every backend.)
 */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  if (yTrue.length === 0) return Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  return tf.tidy(() => {
    const truth = tf.oneHot(tf.tensor1d(yTrue, 'int32'), numClasses).toFloat();
    const predicted = tf.oneHot(tf.tensor1d(yPred, 'int32'), numClasses).toFloat();
    return tf.matMul(truth, predicted, true, false).arraySync() as number[][];
  });
}

/** Per-class metrics from the diagonal and the margins of cm, with tf.divNoNan for 0/0 = 0. */
export function classificationScores(cm: number[][], average: 'macro' | 'micro' | 'weighted'): Scores {
  return tf.tidy(() => {
    const m = tf.tensor2d(cm);
    const k = cm.length;
    const tp = tf.mul(m, tf.eye(k)).sum(1);
    const predicted = m.sum(0);
    const support = m.sum(1);
    const f1 = (p: tf.Tensor, r: tf.Tensor) => tf.divNoNan(tf.mul(2, tf.mul(p, r)), tf.add(p, r));
    let precision: tf.Tensor;
    let recall: tf.Tensor;
    let f: tf.Tensor;
    if (average === 'micro') {
      precision = tf.divNoNan(tp.sum(), predicted.sum());
      recall = tf.divNoNan(tp.sum(), support.sum());
      f = f1(precision, recall);
    } else {
      const p = tf.divNoNan(tp, predicted);
      const r = tf.divNoNan(tp, support);
      const w = average === 'macro' ? tf.fill([k], 1 / k) : tf.divNoNan(support, support.sum());
      const avg = (x: tf.Tensor) => tf.dot(w, x);
      precision = avg(p);
      recall = avg(r);
      f = avg(f1(p, r));
    }
    return { precision: precision.dataSync()[0]!, recall: recall.dataSync()[0]!, f1: f.dataSync()[0]! };
  });
}
