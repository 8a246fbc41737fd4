/**
 * Supresión de no máximos (NMS) voraz (capítulo 23, detección de objetos).
 *
 * boxes:         N cajas [y1, x1, y2, x2] con y1 < y2 y x1 < x2.
 * scores:        N puntuaciones de confianza, una por caja.
 * maxOutputSize: número máximo de cajas que se devuelven.
 * iouThreshold:  una caja se descarta si su IoU con alguna caja ya elegida es ≥ iouThreshold.
 *
 * Recorre las cajas de mayor a menor puntuación (a igual puntuación, primero el índice
 * menor); cada caja que no se descarta se elige. Para al tener maxOutputSize cajas.
 * Devuelve los índices de las cajas elegidas, en el orden en que se eligieron.
 * No modifiques boxes ni scores.
 */
export function nonMaxSuppression(boxes: number[][], scores: number[], maxOutputSize: number, iouThreshold: number): number[] {
  throw new Error('Sin implementar: nonMaxSuppression');
}
