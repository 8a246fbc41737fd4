/**
 * Un paso de una célula GRU con la convención del libro (capítulo 12).
 *
 * x: entrada x_t (longitud I).   h: estado h_{t−1} (longitud H).
 * W: pesos de entrada apilados, 3H×I.   U: pesos recurrentes apilados, 3H×H.   b: sesgos apilados, 3H.
 * Bloques de H filas en este orden: z (actualización), r (reinicio), h̃ (candidata).
 *
 *   z  = σ(W_z x + U_z h + b_z)
 *   r  = σ(W_r x + U_r h + b_r)
 *   h̃ = tanh(W_h x + U_h (r ⊙ h) + b_h)      ← el reinicio se aplica ANTES de multiplicar por U_h
 *   h' = (1 − z) ⊙ h + z ⊙ h̃                ← z = 1 toma la candidata; z = 0 conserva h
 *
 * Devuelve h' (longitud H) en un array nuevo. No modifiques los argumentos.
 */
export function gruCell(x: number[], h: number[], W: number[][], U: number[][], b: number[]): number[] {
  throw new Error('Sin implementar: gruCell');
}
