import * as tf from '@tensorflow/tfjs';

export function hzToMel(hz: number): number {
  return tf.tidy(() => tf.log1p(tf.scalar(hz / 700)).div(Math.LN10).mul(2595).dataSync()[0]!);
}

export function melToHz(mel: number): number {
  return tf.tidy(() => tf.pow(10, tf.scalar(mel / 2595)).sub(1).mul(700).dataSync()[0]!);
}

/** Triangles built on a grid: bins (columns) against the lower/centre/upper edges of every filter (rows). */
export function melFilterbank(numFilters: number, fftLength: number, sampleRate: number, fMin: number, fMax: number): number[][] {
  return tf.tidy(() => {
    const melEdges = tf.linspace(hzToMel(fMin), hzToMel(fMax), numFilters + 2);
    const edges = tf.pow(10, melEdges.div(2595)).sub(1).mul(700); // Hz
    const lower = edges.slice(0, numFilters).reshape([numFilters, 1]);
    const centre = edges.slice(1, numFilters).reshape([numFilters, 1]);
    const upper = edges.slice(2, numFilters).reshape([numFilters, 1]);
    const bins = tf.range(0, fftLength / 2 + 1).mul(sampleRate / fftLength).reshape([1, fftLength / 2 + 1]);
    const rising = bins.sub(lower).div(centre.sub(lower));
    const falling = upper.sub(bins).div(upper.sub(centre));
    return tf.relu(tf.minimum(rising, falling)).arraySync() as number[][];
  });
}

export function logMelSpectrogram(power: number[][], filters: number[][]): number[][] {
  return tf.tidy(() => tf.log(tf.matMul(tf.tensor2d(power), tf.tensor2d(filters), false, true).add(1e-6)).arraySync() as number[][]);
}
