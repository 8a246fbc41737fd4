/**
 * Formas de salida y parámetros de una CNN clásica, capa a capa (capítulo 8).
 * Formato de imagen: [alto, ancho, canales] (channels-last, como Keras/TensorFlow.js).
 */

/** Las capas posibles. kernel, size y stride son enteros ≥ 1 (ventanas cuadradas). */
export type Layer =
  | { type: 'conv'; filters: number; kernel: number; stride: number; padding: 'valid' | 'same' } // con sesgo
  | { type: 'pool'; size: number; stride: number; padding: 'valid' | 'same' } // max o average: sin parámetros
  | { type: 'flatten' }
  | { type: 'dense'; units: number }; // con sesgo

/** Resumen al estilo model.summary(). */
export interface Summary {
  /** forma de salida de cada capa: [h, w, c] tras conv/pool, [n] tras flatten/dense */
  shapes: number[][];
  /** parámetros entrenables de cada capa */
  params: number[];
  /** suma de params */
  total: number;
}

/**
 * Recorre las capas desde inputShape = [H, W, C]. Tamaño espacial de salida (para alto y ancho):
 *   'valid': ⌊(n − k) / s⌋ + 1        'same': ⌈n / s⌉
 * flatten y dense solo aparecen al final (tras flatten todo es denso).
 * No modifiques inputShape ni layers.
 */
export function cnnSummary(inputShape: number[], layers: Layer[]): Summary {
  throw new Error('Sin implementar: cnnSummary');
}
