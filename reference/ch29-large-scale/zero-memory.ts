import * as tf from '@tensorflow/tfjs';

export interface ZeroMemory {
  parameters: number;
  gradients: number;
  optimizerStates: number;
  total: number;
}

/**
 * Bytes per GPU of mixed-precision Adam under ZeRO: [2Ψ, 2Ψ, KΨ] for (fp16 parameters, fp16 gradients,
 * fp32 optimizer states), each divided by N once the stage partitions it: optimizer states from
 * stage 1, gradients from stage 2, parameters from stage 3.
 */
export function zeroMemory(params: number, gpus: number, stage: number, optimizerBytes = 12): ZeroMemory {
  return tf.tidy(() => {
    const replicated = tf.mul(tf.tensor1d([2, 2, optimizerBytes]), params);
    const partitionedFrom = tf.tensor1d([3, 2, 1]);
    const divisor = tf.where(tf.greaterEqual(tf.scalar(stage), partitionedFrom), tf.fill([3], gpus), tf.ones([3]));
    const perGpu = tf.div(replicated, divisor);
    const [parameters, gradients, optimizerStates] = Array.from(perGpu.dataSync());
    return { parameters: parameters!, gradients: gradients!, optimizerStates: optimizerStates!, total: perGpu.sum().dataSync()[0]! };
  });
}

/** The largest whole number of parameters whose per-GPU footprint fits in `memoryBytes`. */
export function maxParameters(memoryBytes: number, gpus: number, stage: number, optimizerBytes = 12): number {
  const perParameter = zeroMemory(1, gpus, stage, optimizerBytes).total;
  return tf.tidy(() => tf.floor(tf.div(memoryBytes, perParameter)).dataSync()[0]!);
}
