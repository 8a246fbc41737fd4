export interface ZeroMemory {
  parameters: number;
  gradients: number;
  optimizerStates: number;
  total: number;
}

/**
 * Per-GPU memory (bytes) of mixed-precision Adam training with ZeRO stage 0..3 (Rajbhandari et al.):
 * fp16 parameters 2Ψ, fp16 gradients 2Ψ, fp32 optimizer states KΨ (master weights, m, v: K = 12).
 * Stage 1 partitions the optimizer states, stage 2 also the gradients, stage 3 also the parameters.
 */
export function zeroMemory(params: number, gpus: number, stage: number, optimizerBytes = 12): ZeroMemory {
  const share = (partitioned: boolean) => (partitioned ? 1 / gpus : 1);
  const parameters = 2 * params * share(stage >= 3);
  const gradients = 2 * params * share(stage >= 2);
  const optimizerStates = optimizerBytes * params * share(stage >= 1);
  return { parameters, gradients, optimizerStates, total: parameters + gradients + optimizerStates };
}

/** Largest whole number of parameters that fits in memoryBytes per GPU. */
export function maxParameters(memoryBytes: number, gpus: number, stage: number, optimizerBytes = 12): number {
  const bytesPerParameter = zeroMemory(1, gpus, stage, optimizerBytes).total;
  return Math.floor(memoryBytes / bytesPerParameter);
}
