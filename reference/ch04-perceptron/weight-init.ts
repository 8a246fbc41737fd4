import * as tf from '@tensorflow/tfjs';

export type Scheme = 'xavier-uniform' | 'xavier-normal' | 'he-uniform' | 'he-normal';

/**
 * Keras' VarianceScaling view of both schemes: Var(W) = scale/n with scale 1 and n = (fanIn + fanOut)/2
 * (Glorot, mode "fan_avg") or scale 2 and n = fanIn (He, mode "fan_in"); a uniform U(−a, a) has
 * variance a²/3, so a = √(3·scale/n); a normal is the standard noise times √(scale/n). With tf ops.
 */
export function initWeights(scheme: Scheme, noise: number[][]): number[][] {
  const fanIn = noise.length;
  const fanOut = noise[0]!.length;
  const [family, shape] = scheme.split('-') as ['xavier' | 'he', 'uniform' | 'normal'];
  const scale = family === 'he' ? 2 : 1;
  const n = family === 'he' ? fanIn : (fanIn + fanOut) / 2;
  return tf.tidy(() => {
    const e = tf.tensor2d(noise);
    const w = shape === 'uniform' ? tf.mul(tf.sub(tf.mul(e, 2), 1), Math.sqrt((3 * scale) / n)) : tf.mul(e, Math.sqrt(scale / n));
    return w.arraySync() as number[][];
  });
}

/** The population standard deviation of every layer's activations, act(h·W) with no bias, by tf.moments. */
export function activationStds(x: number[][], weights: number[][][], activation: 'tanh' | 'relu'): number[] {
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.tensor2d(x);
    const out: number[] = [];
    for (const W of weights) {
      const z = tf.matMul(h, tf.tensor2d(W));
      h = (activation === 'tanh' ? tf.tanh(z) : tf.relu(z)) as tf.Tensor2D;
      out.push(Math.sqrt(tf.moments(h).variance.dataSync()[0]!));
    }
    return out;
  });
}
