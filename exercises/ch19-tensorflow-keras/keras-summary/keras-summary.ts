/** Las capas de un modelo secuencial de Keras, descritas como datos. */
export type LayerSpec =
  | { type: 'dense'; units: number; useBias?: boolean }
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'batchNormalization' }
  | { type: 'flatten' }
  | { type: 'dropout'; rate: number };

export interface LayerSummary {
  /** forma de la salida SIN la dimensión del lote */
  outputShape: number[];
  /** parámetros de la capa (entrenables y no entrenables) */
  params: number;
  /** de ellos, los entrenables */
  trainable: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

/**
 * El «model.summary()» de un modelo secuencial de Keras (capítulo 19).
 *
 * inputShape: forma de una entrada sin el lote, p. ej. [28, 28, 1] o [10].
 * layers:     las capas en orden.
 *
 * Reglas (las de Keras):
 *   dense: actúa sobre el ÚLTIMO eje: [..., d] → [..., units]; d·units pesos + units sesgos (si useBias, por defecto true).
 *   conv2d [H, W, C]: kernel k×k×C×filters (+ filters sesgos); strides s (por defecto 1);
 *          'valid' (por defecto): ⌊(H − k)/s⌋ + 1;  'same': ⌈H/s⌉.
 *   maxPooling2d: sin parámetros; strides por defecto = poolSize; relleno 'valid'.
 *   batchNormalization: sobre el último eje C: 4·C parámetros (γ, β entrenables; media y varianza móviles no).
 *   flatten: [..] → [producto]; dropout: no cambia nada. Ninguna de las dos tiene parámetros.
 * No modifiques los argumentos.
 */
export function summarize(inputShape: number[], layers: LayerSpec[]): ModelSummary {
  throw new Error('Sin implementar: summarize');
}
