/**
 * Auto-atención multi-cabeza (capítulo 13), sin sesgos ni máscara.
 *
 * X:  secuencia de n tokens, n×d.
 * Wq, Wk, Wv, Wo: matrices d×d.
 * heads: número de cabezas h (d es múltiplo de h); d_h = d / h.
 *
 *   Q = X·Wq, K = X·Wk, V = X·Wv                       (n×d)
 *   cabeza j: columnas j·d_h … (j+1)·d_h − 1 de Q, K y V
 *   head_j = softmax(Q_j·K_jᵀ / sqrt(d_h))·V_j           (n×d_h)
 *   salida = [head_0 | head_1 | … | head_{h−1}]·Wo       (concatenadas por columnas, en orden; n×d)
 *
 * No modifiques los argumentos.
 */
export function multiHeadAttention(X: number[][], Wq: number[][], Wk: number[][], Wv: number[][], Wo: number[][], heads: number): number[][] {
  throw new Error('Sin implementar: multiHeadAttention');
}
