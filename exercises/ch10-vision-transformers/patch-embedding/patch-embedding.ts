/**
 * Patch embedding de un Vision Transformer (capítulo 10).
 *
 * image:     imagen H×W×C (image[i][j][c]); H y W son múltiplos de patchSize.
 * patchSize: lado P de cada parche cuadrado P×P.
 * weight:    matriz E de forma (P·P·C)×D.
 * bias:      sesgo de la proyección, longitud D.
 * clsToken:  token de clase x_CLS, longitud D.
 * positions: embeddings de posición, forma (N+1)×D, con N = (H/P)·(W/P).
 *
 * Los parches se recorren en orden de barrido (fila de parches a fila de parches,
 * de izquierda a derecha). Cada parche se aplana como su bloque P×P×C en orden
 * (fila, columna, canal): el píxel (a, b, c) del parche va al índice (a·P + b)·C + c.
 * Devuelve la matriz (N+1)×D  Z0 = [x_CLS; vec(X_1)·E + bias; …; vec(X_N)·E + bias] + positions.
 * No modifiques los argumentos.
 */
export function patchEmbedding(
  image: number[][][],
  patchSize: number,
  weight: number[][],
  bias: number[],
  clsToken: number[],
  positions: number[][],
): number[][] {
  throw new Error('Sin implementar: patchEmbedding');
}
