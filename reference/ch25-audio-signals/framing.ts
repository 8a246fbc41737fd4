import * as tf from '@tensorflow/tfjs';

export function frameSignal(signal: number[], frameLength: number, hop: number, padEnd: boolean): number[][] {
  if (signal.length === 0) return [];
  return tf.tidy(() => tf.signal.frame(tf.tensor1d(signal), frameLength, hop, padEnd, 0).arraySync() as number[][]);
}
