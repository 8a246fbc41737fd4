import * as tf from '@tensorflow/tfjs';

/** Step activation of the affine potential: 1 where w·x + b ≥ 0, else 0 (tf.dot + tf.greaterEqual). */
function stepOf(w: tf.Tensor1D, b: tf.Scalar, x: tf.Tensor1D): tf.Tensor {
  return tf.dot(w, x).add(b).greaterEqual(0).toFloat();
}

/** Perceptron prediction ŷ = step(w·x + b) ∈ {0, 1}. */
export function predict(w: number[], b: number, x: number[]): 0 | 1 {
  return tf.tidy(() => (stepOf(tf.tensor1d(w), tf.scalar(b), tf.tensor1d(x)).dataSync()[0] === 1 ? 1 : 0));
}

/** One Rosenblatt update with 0/1 labels: Δ = lr·(y − ŷ); w ← w + Δ·x, b ← b + Δ. */
export function perceptronStep(w: number[], b: number, x: number[], y: 0 | 1, lr: number): { w: number[]; b: number } {
  return tf.tidy(() => {
    const wt = tf.tensor1d(w);
    const bt = tf.scalar(b);
    const xt = tf.tensor1d(x);
    const delta = tf.scalar(y).sub(stepOf(wt, bt, xt)).mul(lr);
    return { w: Array.from(wt.add(xt.mul(delta)).dataSync()), b: bt.add(delta).dataSync()[0]! };
  });
}

/**
 * Online perceptron training from w = 0, b = 0: samples in order, one update per sample, the
 * number of misclassified samples per epoch in `errors`, stopping after the first clean epoch.
 * The loop over samples is sequential by nature; it works on the augmented weights v = [w, b]
 * against rows [x, 1], keeps v on the backend and reads back only one error count per epoch.
 */
export function trainPerceptron(X: number[][], y: (0 | 1)[], opts: { lr: number; epochs: number }): { w: number[]; b: number; errors: number[] } {
  const d = X[0]?.length ?? 0;
  const errors: number[] = [];
  const v = tf.tidy(() => {
    const rows = tf.unstack(tf.concat([tf.tensor2d(X, [X.length, d]), tf.ones([X.length, 1])], 1));
    const labels = tf.tensor1d(y);
    let weights: tf.Tensor = tf.zeros([d + 1]);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const predictions: tf.Tensor[] = [];
      rows.forEach((row, n) => {
        const yHat = tf.dot(weights, row).greaterEqual(0).toFloat();
        predictions.push(yHat);
        weights = weights.add(row.mul(tf.scalar(y[n]!).sub(yHat).mul(opts.lr)));
      });
      const mistakes = tf.stack(predictions).notEqual(labels).sum().dataSync()[0]!;
      errors.push(mistakes);
      if (mistakes === 0) break;
    }
    return weights;
  });
  const values = Array.from(v.dataSync());
  v.dispose();
  return { w: values.slice(0, d), b: values[d]!, errors };
}
