import * as tf from '@tensorflow/tfjs';

export interface MlpParams {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

export type Activation = 'sigmoid' | 'tanh' | 'relu';

export interface MlpGradients {
  loss: number;
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

const activations: Record<Activation, (z: tf.Tensor) => tf.Tensor> = {
  sigmoid: (z) => tf.sigmoid(z),
  tanh: (z) => tf.tanh(z),
  relu: (z) => tf.relu(z),
};

/**
 * Loss and gradients of a one-hidden-layer MLP by TensorFlow.js autodiff:
 * J(W1, b1, W2, b2) = mean over the batch of softmax cross-entropy(Y, act(X·W1 + b1)·W2 + b2),
 * differentiated with tf.valueAndGrads (ReLU's gradient at 0 is 0 in tfjs).
 */
export function mlpBackward(p: MlpParams, X: number[][], Y: number[][], activation: Activation): MlpGradients {
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(Y);
    const act = activations[activation];
    const loss = (W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor): tf.Scalar => {
      const logits = act(x.matMul(W1 as tf.Tensor2D).add(b1)).matMul(W2 as tf.Tensor2D).add(b2);
      return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar; // SUM_BY_NONZERO_WEIGHTS: the batch mean
    };
    const { value, grads } = tf.valueAndGrads(loss)([tf.tensor2d(p.W1), tf.tensor1d(p.b1), tf.tensor2d(p.W2), tf.tensor1d(p.b2)]);
    const [dW1, db1, dW2, db2] = grads as [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
    return {
      loss: value.dataSync()[0]!,
      dW1: dW1.arraySync(),
      db1: db1.arraySync(),
      dW2: dW2.arraySync(),
      db2: db2.arraySync(),
    };
  });
}
