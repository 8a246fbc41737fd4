import * as tf from '@tensorflow/tfjs';

export interface Trained {
  W: number[][];
  b: number[];
  losses: number[];
}

/** Softmax regression trained with tf.train.sgd: minimize(softmaxCrossEntropy) returns the cost before each update. */
export function trainSoftmax(X: number[][], labels: number[], W0: number[][], b0: number[], lr: number, epochs: number): Trained {
  const d = W0.length;
  const k = b0.length;
  const W = tf.variable(tf.tensor2d(W0, [d, k]));
  const b = tf.variable(tf.tensor1d(b0));
  const optimizer = tf.train.sgd(lr);
  try {
    const losses: number[] = [];
    tf.tidy(() => {
      const x = tf.tensor2d(X, [X.length, d]);
      const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), k);
      for (let epoch = 0; epoch < epochs; epoch++) {
        const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(onehot, tf.matMul(x, W).add(b)) as tf.Scalar, true, [W, b]);
        losses.push(cost!.dataSync()[0]!);
      }
    });
    return { W: W.arraySync() as number[][], b: Array.from(b.dataSync()), losses };
  } finally {
    optimizer.dispose();
    W.dispose();
    b.dispose();
  }
}
