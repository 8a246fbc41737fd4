import * as tf from '@tensorflow/tfjs';

/** The steps 0 … count − 1 as a float tensor. */
const steps = (count: number) => tf.range(0, count, 1, 'float32');

export function stepDecay(lr0: number, gamma: number, stepSize: number, count: number): number[] {
  return tf.tidy(() => Array.from(tf.pow(gamma, tf.floor(steps(count).div(stepSize))).mul(lr0).dataSync()));
}

/** Clamping t at T makes the cosine stay at −1 (lr = lrMin) once the schedule has ended. */
export function cosineAnnealing(lrMax: number, lrMin: number, T: number, count: number): number[] {
  return tf.tidy(() => {
    const phase = tf.minimum(steps(count), T).mul(Math.PI / T);
    return Array.from(tf.cos(phase).add(1).mul(0.5 * (lrMax - lrMin)).add(lrMin).dataSync());
  });
}

/** A triangle wave: 1 − |distance to the nearest peak| / stepSize, clipped at 0. */
export function triangularCyclic(baseLr: number, maxLr: number, stepSize: number, count: number): number[] {
  return tf.tidy(() => {
    const t = steps(count);
    const cycle = tf.floor(t.div(2 * stepSize).add(1));
    const x = tf.abs(t.div(stepSize).sub(cycle.mul(2)).add(1));
    return Array.from(tf.relu(tf.sub(1, x)).mul(maxLr - baseLr).add(baseLr).dataSync());
  });
}
