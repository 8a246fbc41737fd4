import * as tf from '@tensorflow/tfjs';

/** tf.signal.hannWindow (periodic for even lengths, which is all this exercise uses). */
export function hannWindow(length: number): number[] {
  return tf.tidy(() => Array.from(tf.signal.hannWindow(length).dataSync()));
}

/**
 * |STFT| without padding. tf.signal.stft needs a complex FFT kernel that the wasm backend lacks,
 * so the DFT is a product with the real and imaginary Fourier bases, built with tf ops.
 */
export function magnitudeSpectrogram(signal: number[], frameLength: number, hop: number): number[][] {
  return tf.tidy(() => {
    const frames = tf.signal.frame(tf.tensor1d(signal), frameLength, hop); // M×N
    const windowed = frames.mul(tf.signal.hannWindow(frameLength));
    const bins = frameLength / 2 + 1;
    const angle = tf.outerProduct(tf.range(0, frameLength), tf.range(0, bins)).mul((2 * Math.PI) / frameLength); // N×(N/2+1)
    const re = tf.matMul(windowed, tf.cos(angle));
    const im = tf.matMul(windowed, tf.sin(angle)).neg();
    return tf.sqrt(re.square().add(im.square())).arraySync() as number[][];
  });
}
