/**
 * Dropout invertido con máscara dada (capítulo 5).
 *
 * x, mask y dy son matrices N×D. mask[i][j] es 1 si la unidad se CONSERVA y 0 si se apaga;
 * se ha sorteado fuera de la función con probabilidad de conservar 1 − p.
 * p es la probabilidad de apagar una unidad, 0 ≤ p < 1.
 */

/**
 * En entrenamiento (training = true): y = x ⊙ mask / (1 − p)  (dropout invertido).
 * En evaluación (training = false): y = x (la máscara se ignora y no se reescala nada).
 * Devuelve una matriz nueva. No modifiques ningún argumento.
 */
export function dropoutForward(x: number[][], mask: number[][], p: number, training: boolean): number[][] {
  throw new Error('Sin implementar: dropoutForward');
}

/**
 * Paso hacia atrás en entrenamiento: dado dy = ∂L/∂y, devuelve ∂L/∂x (N×D).
 * No modifiques ningún argumento.
 */
export function dropoutBackward(dy: number[][], mask: number[][], p: number): number[][] {
  throw new Error('Sin implementar: dropoutBackward');
}
