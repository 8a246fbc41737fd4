export interface EarlyStoppingOptions {
  /** Épocas seguidas sin mejora que se toleran antes de parar. */
  patience: number;
  /** Mejora mínima para que cuente como mejora (por defecto 0). */
  minDelta?: number;
  /** 'min' si la métrica es una pérdida (por defecto), 'max' si es una exactitud. */
  mode?: 'min' | 'max';
  /** Si es true, el modelo termina con los pesos de la mejor época (por defecto false). */
  restoreBestWeights?: boolean;
}

export interface EarlyStoppingResult {
  /** Época (desde 0) en la que se detiene el entrenamiento, o −1 si nunca se detiene. */
  stoppedEpoch: number;
  /** Última época que mejoró el mejor valor (en más de minDelta). */
  bestEpoch: number;
  /** Cuántas épocas se llegaron a entrenar. */
  epochsRun: number;
  /** De qué época son los pesos con los que termina el modelo. */
  weightsEpoch: number;
}

/**
 * Parada temprana (early stopping) sobre un historial de validación ya registrado.
 *
 * history: la métrica de validación al final de cada época (history[0] es la época 0).
 * opts:    patience, minDelta, mode y restoreBestWeights, como el callback EarlyStopping de Keras.
 *
 * Recorre las épocas en orden: una época mejora si su valor es < mejor − minDelta (modo 'min')
 * o > mejor + minDelta (modo 'max'); si no mejora, suma 1 a la espera, y cuando la espera llega
 * a patience se detiene en esa época. No modifiques history ni opts.
 */
export function earlyStopping(history: number[], opts: EarlyStoppingOptions): EarlyStoppingResult {
  throw new Error('Sin implementar: earlyStopping');
}
