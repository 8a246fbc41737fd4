import * as tf from '@tensorflow/tfjs';

/** L = softplus(−v_o·v_i) + Σ_k softplus(v_k·v_i), i.e. −log σ(v_o·v_i) − Σ_k log σ(−v_k·v_i). */
function loss(center: tf.Tensor1D, context: tf.Tensor1D, negatives: tf.Tensor2D): tf.Scalar {
  const positive = tf.softplus(tf.dot(context, center).neg());
  const negative = tf.softplus(tf.matMul(negatives, center.reshape([-1, 1]))).sum();
  return positive.add(negative) as tf.Scalar;
}

export function negativeSamplingLoss(center: number[], context: number[], negatives: number[][]): number {
  return tf.tidy(() => loss(tf.tensor1d(center), tf.tensor1d(context), tf.tensor2d(negatives)).dataSync()[0]!);
}

export function negativeSamplingGrads(center: number[], context: number[], negatives: number[][]): { dCenter: number[]; dContext: number[]; dNegatives: number[][] } {
  return tf.tidy(() => {
    const f = (c: tf.Tensor, o: tf.Tensor, n: tf.Tensor) => loss(c as tf.Tensor1D, o as tf.Tensor1D, n as tf.Tensor2D);
    const [dC, dO, dN] = tf.grads(f)([tf.tensor1d(center), tf.tensor1d(context), tf.tensor2d(negatives)]);
    return { dCenter: Array.from(dC!.dataSync()), dContext: Array.from(dO!.dataSync()), dNegatives: dN!.arraySync() as number[][] };
  });
}
