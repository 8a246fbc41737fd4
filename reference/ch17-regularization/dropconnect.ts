import * as tf from '@tensorflow/tfjs';

/** Inverted DropConnect dense layer with tfjs ops: x·(W ⊙ M)/(1 − p) + b in training, x·W + b at inference. */
export function dropConnectDense(x: number[][], W: number[][], b: number[], mask: number[][], p: number, training: boolean): number[][] {
  return tf.tidy(() => {
    const nIn = W.length;
    const nOut = b.length;
    const weights = tf.tensor2d(W, [nIn, nOut]);
    const effective = training ? tf.mul(weights, tf.tensor2d(mask, [nIn, nOut])).div(1 - p) : weights;
    return tf.matMul(tf.tensor2d(x, [x.length, nIn]), effective).add(tf.tensor1d(b)).arraySync() as number[][];
  });
}
