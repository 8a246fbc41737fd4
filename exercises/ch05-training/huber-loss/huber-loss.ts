/**
 * Pérdida de Huber y su gradiente (capítulo 5).
 * yTrue e yPred tienen la misma longitud N ≥ 1; delta > 0. El error de cada elemento es e = yTrue − yPred.
 */

/**
 * Media sobre los N elementos de
 *   ½·e²               si |e| ≤ delta
 *   delta·(|e| − ½·delta)  si |e| > delta
 * No modifiques yTrue ni yPred.
 */
export function huberLoss(yTrue: number[], yPred: number[], delta: number): number {
  throw new Error('Sin implementar: huberLoss');
}

/**
 * Gradiente de huberLoss respecto a yPred (longitud N).
 * No modifiques yTrue ni yPred.
 */
export function huberGrad(yTrue: number[], yPred: number[], delta: number): number[] {
  throw new Error('Sin implementar: huberGrad');
}
