/**
 * Minilotes de una época a partir de una permutación (capítulo 3).
 */

/** Un minilote: las filas de X y las etiquetas de y que le tocan, en el mismo orden. */
export interface Batch {
  x: number[][];
  y: number[];
}

/**
 * Reparte un conjunto de datos en minilotes para una época.
 *
 * X:           N×d, una fila por ejemplo.
 * y:           N etiquetas (y[i] corresponde a X[i]).
 * batchSize:   B ≥ 1.
 * permutation: una permutación de 0..N−1 (el barajado aleatorio de la época, ya sorteado):
 *              el ejemplo en la posición k del orden barajado es permutation[k].
 * dropLast:    si es true y N no es múltiplo de B, se descarta el último lote incompleto;
 *              si es false, el último lote tiene N mod B ejemplos.
 *
 * Devuelve los lotes en orden: el lote b contiene los ejemplos permutation[b·B], …, permutation[b·B + B − 1].
 * No modifiques X, y ni permutation.
 */
export function makeBatches(X: number[][], y: number[], batchSize: number, permutation: number[], dropLast: boolean): Batch[] {
  throw new Error('Sin implementar: makeBatches');
}
