/** Un mini-lote: las filas de X y sus etiquetas, en el mismo orden. */
export interface Batch {
  x: number[][];
  y: number[];
}

/**
 * Los mini-lotes de UNA época de un DataLoader de PyTorch (capítulo 20).
 *
 * X: N×d ejemplos; y: N etiquetas.
 * batchSize: tamaño de lote B (≥ 1).
 * perm: permutación de 0..N−1 ya sorteada (shuffle=True); la identidad equivale a shuffle=False.
 *       El k-ésimo ejemplo de la época es (X[perm[k]], y[perm[k]]).
 * dropLast: si es true y el último lote queda incompleto (N no es múltiplo de B), se descarta.
 *
 * Los lotes son trozos consecutivos de B ejemplos en el orden de perm; el último puede tener menos
 * de B si dropLast es false. No modifiques los argumentos.
 */
export function makeBatches(X: number[][], y: number[], batchSize: number, perm: number[], dropLast: boolean): Batch[] {
  throw new Error('Sin implementar: makeBatches');
}
