/** Una capa de la pila: densa (con sesgo), BatchNormalization o Dropout. */
export type LayerSpec = { kind: 'dense'; units: number } | { kind: 'batchnorm' } | { kind: 'dropout'; rate: number };

export interface FreezeSummary {
  /** Parámetros entrenables de cada capa, en orden. */
  trainablePerLayer: number[];
  /** Parámetros que el optimizador actualiza. */
  trainable: number;
  /** Parámetros que no se actualizan: los de capas congeladas y las estadísticas móviles de BatchNorm. */
  nonTrainable: number;
  /** trainable + nonTrainable (lo que da model.countParams()). */
  total: number;
}

/**
 * Aprendizaje por transferencia: cuántos parámetros quedan entrenables al congelar capas (capítulo 19).
 *
 * inputDim: número de características de entrada (la imagen ya aplanada).
 * layers:   la pila de capas, de la entrada a la salida.
 * frozen:   cuántas capas del principio se congelan (layer.trainable = false en Keras), 0 ≤ frozen ≤ layers.length.
 *
 * Densa: entradas·units + units. BatchNorm sobre d características: γ y β (2d, entrenables salvo
 * que la capa esté congelada) y media y varianza móviles (2d, nunca entrenables). Dropout: 0.
 * No modifiques layers.
 */
export function freezeSummary(inputDim: number, layers: LayerSpec[], frozen: number): FreezeSummary {
  throw new Error('Sin implementar: freezeSummary');
}
