/** Estado de una LSTM tras un paso. */
export interface LstmState {
  h: number[];
  c: number[];
}

/**
 * Un paso de una célula LSTM (capítulo 12).
 *
 * x: entrada x_t (longitud I).   h: estado oculto h_{t−1} (longitud H).   c: memoria c_{t−1} (longitud H).
 * W: pesos de entrada apilados, 4H×I.   U: pesos recurrentes apilados, 4H×H.   b: sesgos apilados, 4H.
 *
 * Las filas de W, U y b están en bloques de H en este orden: i (entrada), f (olvido),
 * g (candidata c̃) y o (salida). Es decir, W_i = filas 0…H−1, W_f = H…2H−1, W_g = 2H…3H−1, W_o = 3H…4H−1.
 *
 *   i = σ(W_i x + U_i h + b_i)    f = σ(W_f x + U_f h + b_f)
 *   g = tanh(W_g x + U_g h + b_g) o = σ(W_o x + U_o h + b_o)
 *   c' = f ⊙ c + i ⊙ g            h' = o ⊙ tanh(c')
 *
 * Devuelve { h: h', c: c' }. No modifiques los argumentos.
 */
export function lstmCell(x: number[], h: number[], c: number[], W: number[][], U: number[][], b: number[]): LstmState {
  throw new Error('Sin implementar: lstmCell');
}
