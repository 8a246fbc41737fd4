/**
 * Softmax y log-sum-exp numéricamente estables (capítulo 2).
 * Todas las funciones trabajan por FILAS: x es B×K (B vectores de K logits).
 */

/**
 * log Σ_k exp(x[b][k]) para cada fila b, sin desbordamiento: debe dar un número finito
 * aunque los logits valgan ±1000. Devuelve un array de longitud B.
 * No modifiques x.
 */
export function logSumExp(x: number[][]): number[] {
  throw new Error('Sin implementar: logSumExp');
}

/**
 * softmax(x)[b][k] = exp(x[b][k]) / Σ_j exp(x[b][j]), fila a fila, estable para logits grandes.
 * Devuelve una matriz B×K cuyas filas suman 1.
 * No modifiques x.
 */
export function softmax(x: number[][]): number[][] {
  throw new Error('Sin implementar: softmax');
}

/**
 * log softmax(x)[b][k] = x[b][k] − logSumExp(x)[b], fila a fila.
 * Debe ser finito aunque la probabilidad correspondiente sea tan pequeña que exp() dé 0.
 * No modifiques x.
 */
export function logSoftmax(x: number[][]): number[][] {
  throw new Error('Sin implementar: logSoftmax');
}
