export interface ZeroMemory {
  /** bytes de parámetros fp16 que guarda cada GPU */
  parameters: number;
  /** bytes de gradientes fp16 que guarda cada GPU */
  gradients: number;
  /** bytes del estado del optimizador (fp32) que guarda cada GPU */
  optimizerStates: number;
  /** la suma de los tres */
  total: number;
}

/**
 * Memoria por GPU con ZeRO (capítulo 29).
 *
 * params:         Ψ, número de parámetros del modelo.
 * gpus:           N_d, número de GPUs que hacen paralelismo de datos.
 * stage:          etapa de ZeRO: 0 (sin ZeRO), 1 (particiona el estado del optimizador),
 *                 2 (también los gradientes) o 3 (también los parámetros).
 * optimizerBytes: K, bytes de estado del optimizador por parámetro (12 por defecto: copia fp32,
 *                 momento y varianza de Adam).
 *
 * Entrenamiento en precisión mixta: 2Ψ bytes de parámetros, 2Ψ de gradientes y KΨ de estado;
 * cada parte particionada ocupa 1/N_d de su tamaño en cada GPU. Devuelve el desglose en bytes.
 */
export function zeroMemory(params: number, gpus: number, stage: number, optimizerBytes = 12): ZeroMemory {
  throw new Error('Sin implementar: zeroMemory');
}

/**
 * El mayor número ENTERO de parámetros Ψ cuyo total por GPU (según zeroMemory) cabe en memoryBytes.
 * Mismos gpus, stage y optimizerBytes (12 por defecto) que zeroMemory.
 */
export function maxParameters(memoryBytes: number, gpus: number, stage: number, optimizerBytes = 12): number {
  throw new Error('Sin implementar: maxParameters');
}
