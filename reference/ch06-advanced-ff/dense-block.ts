import * as tf from '@tensorflow/tfjs';

/** tf.concat along the feature axis before every tf.matMul, as in a DenseNet block. */
export function denseBlockForward(x: number[][], weights: number[][][], biases: number[][]): number[][] {
  return tf.tidy(() => {
    let features: tf.Tensor2D = tf.tensor2d(x);
    weights.forEach((W, l) => {
      const h = tf.relu(tf.add(tf.matMul(features, tf.tensor2d(W)), tf.tensor1d(biases[l]!))) as tf.Tensor2D;
      features = tf.concat([features, h], 1);
    });
    return features.arraySync();
  });
}
