import * as tf from '@tensorflow/tfjs';

/** Mean sigmoid cross-entropy of logits against a constant label, via tf.losses.sigmoidCrossEntropy (stable). */
function meanBce(label: 0 | 1, logits: tf.Tensor1D): tf.Scalar {
  const labels = label === 1 ? tf.onesLike(logits) : tf.zerosLike(logits);
  return tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0, tf.Reduction.MEAN) as tf.Scalar;
}

export function discriminatorLoss(realLogits: number[], fakeLogits: number[]): number {
  return tf.tidy(() => meanBce(1, tf.tensor1d(realLogits)).add(meanBce(0, tf.tensor1d(fakeLogits))).dataSync()[0]!);
}

export function generatorLoss(fakeLogits: number[], kind: 'minimax' | 'non-saturating'): number {
  return tf.tidy(() => {
    const fake = tf.tensor1d(fakeLogits);
    // minimax: mean log(1 − σ(l)) = −BCE(label 0); non-saturating: −mean log σ(l) = BCE(label 1)
    const loss = kind === 'minimax' ? meanBce(0, fake).neg() : meanBce(1, fake);
    return loss.dataSync()[0]!;
  });
}

export function wganLosses(realScores: number[], fakeScores: number[]): { critic: number; generator: number } {
  return tf.tidy(() => {
    const real = tf.mean(tf.tensor1d(realScores));
    const fake = tf.mean(tf.tensor1d(fakeScores));
    return { critic: fake.sub(real).dataSync()[0]!, generator: fake.neg().dataSync()[0]! };
  });
}

export function clipWeights(weights: number[][], c: number): number[][] {
  return tf.tidy(() => tf.clipByValue(tf.tensor2d(weights), -c, c).arraySync() as number[][]);
}
