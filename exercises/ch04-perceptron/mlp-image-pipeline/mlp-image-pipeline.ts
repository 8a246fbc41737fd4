/**
 * Preparar imágenes para una MLP (capítulo 4).
 *
 * images: lote N×H×W×C de píxeles enteros en 0..255 (C = 1 en gris, 3 en RGB; canales al final).
 * mean, std: media y desviación típica de cada canal, en la escala 0..1 (como A.Normalize).
 *
 * Devuelve una matriz N×(H·W·C): cada píxel pasa a (x/255 − mean[c]) / std[c] y cada imagen se
 * aplana recorriendo fila, columna y canal (el canal es el índice que cambia más rápido).
 * No modifiques images, mean ni std.
 */
export function preprocessImages(images: number[][][][], mean: number[], std: number[]): number[][] {
  throw new Error('Sin implementar: preprocessImages');
}

/**
 * Métricas de una época de validación (capítulo 4).
 *
 * logitBatches: los logits de cada lote, B_b×K (el último lote puede ser más corto).
 * labelBatches: las etiquetas enteras 0..K−1 de cada lote, en el mismo orden.
 *
 * Devuelve la entropía cruzada softmax media y la exactitud sobre TODOS los ejemplos de la época
 * (no la media de las medias de cada lote). La clase predicha es el argmax; en un empate gana el
 * índice más bajo.
 */
export function evaluateEpoch(logitBatches: number[][][], labelBatches: number[][]): { loss: number; accuracy: number } {
  throw new Error('Sin implementar: evaluateEpoch');
}
