/**
 * Convolución 1D causal y dilatada, el bloque básico de una TCN (capítulo 14).
 *
 * x:        serie de T pasos con C_in canales, T×C_in (x[t][c]).
 * kernel:   k×C_in×C_out (kernel[j][c][o]); el tap j = k − 1 es el que mira al instante actual.
 * bias:     longitud C_out.
 * dilation: d ≥ 1, separación entre taps.
 *
 *   y[t][o] = bias[o] + Σ_j Σ_c kernel[j][c][o] · x[t − (k − 1 − j)·d][c]
 *
 * con x[s] = 0 para s < 0 (equivale a rellenar (k − 1)·d ceros SOLO a la izquierda).
 * Devuelve T×C_out: misma longitud que la entrada, y y[t] no depende de x[t+1], x[t+2], …
 * No modifiques los argumentos.
 */
export function causalConv1d(x: number[][], kernel: number[][][], bias: number[], dilation: number): number[][] {
  throw new Error('Sin implementar: causalConv1d');
}
