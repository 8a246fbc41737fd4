/** Pérdida y gradientes de una RNN simple sobre una secuencia. */
export interface RnnGradients {
  loss: number;
  dWxh: number[][]; // H×I, como W_xh
  dWhh: number[][]; // H×H, como W_hh
  db: number[]; // H
  dh0: number[]; // H
}

/**
 * Retropropagación a través del tiempo (BPTT) en una RNN simple (capítulo 11).
 *
 * xs:      secuencia de entradas, T×I (xs[t] es x_{t+1}).
 * h0:      estado inicial, longitud H.
 * Wxh:     H×I.   Whh: H×H.   b: longitud H.
 * targets: T×H, el valor deseado de cada estado.
 *
 * Hacia delante: h_t = tanh(W_xh·x_t + W_hh·h_{t−1} + b), t = 1…T.
 * Pérdida: L = ½ Σ_t ‖h_t − y_t‖² (suma, no media).
 * Devuelve L y sus gradientes respecto a W_xh, W_hh, b y h_0, con las formas de esos parámetros.
 * No modifiques los argumentos.
 */
export function rnnBptt(xs: number[][], h0: number[], Wxh: number[][], Whh: number[][], b: number[], targets: number[][]): RnnGradients {
  throw new Error('Sin implementar: rnnBptt');
}
