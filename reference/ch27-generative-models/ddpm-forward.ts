import * as tf from '@tensorflow/tfjs';

export function linearBetas(T: number, betaStart: number, betaEnd: number): number[] {
  return tf.tidy(() => Array.from(tf.linspace(betaStart, betaEnd, T).dataSync()));
}

/** Nichol & Dhariwal's cosine schedule, vectorised over t = 0 … T. */
export function cosineBetas(T: number, s = 0.008): number[] {
  return tf.tidy(() => {
    const t = tf.range(0, T + 1);
    const f = tf.square(tf.cos(t.div(T).add(s).div(1 + s).mul(Math.PI / 2)));
    const bar = f.div(f.slice(0, 1));
    const ratio = bar.slice(1, T).div(bar.slice(0, T));
    return Array.from(tf.minimum(tf.sub(1, ratio), 0.999).dataSync());
  });
}

export function alphaBars(betas: number[]): number[] {
  return tf.tidy(() => Array.from(tf.cumprod(tf.sub(1, tf.tensor1d(betas))).dataSync()));
}

export function qSample(x0: number[], t: number, alphaBars: number[], eps: number[]): number[] {
  return tf.tidy(() => {
    const bar = tf.tensor1d(alphaBars).slice(t - 1, 1);
    const xt = tf.sqrt(bar).mul(tf.tensor1d(x0)).add(tf.sqrt(tf.sub(1, bar)).mul(tf.tensor1d(eps)));
    return Array.from(xt.dataSync());
  });
}
