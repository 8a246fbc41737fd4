/** Resultado de la atención: la salida y la matriz de pesos. */
export interface AttentionResult {
  output: number[][]; // n×d_v
  weights: number[][]; // n×m, cada fila suma 1
}

/**
 * Atención de producto escalar escalado (capítulo 13).
 *
 * Q: consultas, n×d_k.   K: claves, m×d_k.   V: valores, m×d_v.
 * mask (opcional): n×m booleanos; mask[i][j] = true si la consulta i PUEDE atender a la clave j.
 *                  Cada fila tiene al menos un true. Sin máscara, todas las posiciones están permitidas.
 *
 *   scores  = Q·Kᵀ / sqrt(d_k)
 *   weights = softmax por filas de scores, con peso exactamente 0 en las posiciones enmascaradas
 *   output  = weights·V
 *
 * No modifiques los argumentos.
 */
export function scaledDotProductAttention(Q: number[][], K: number[][], V: number[][], mask?: boolean[][]): AttentionResult {
  throw new Error('Sin implementar: scaledDotProductAttention');
}
