/**
 * Capa densa con DropConnect (capítulo 17).
 *
 * x:        lote B×n_in de entradas.
 * W:        pesos n_in×n_out (y = x·W + b).
 * b:        sesgo de n_out valores (no se descarta nunca).
 * mask:     máscara n_in×n_out de 0/1 sobre los PESOS: 1 = se conserva, 0 = se descarta.
 * p:        probabilidad de descartar un peso (0 ≤ p < 1) con la que se sorteó la máscara.
 * training: true en entrenamiento, false en inferencia.
 *
 * En entrenamiento devuelve x·(W ⊙ mask)/(1 − p) + b (DropConnect «invertido»); en inferencia
 * ignora la máscara y devuelve x·W + b. Devuelve B×n_out. No modifiques los argumentos.
 */
export function dropConnectDense(
  x: number[][],
  W: number[][],
  b: number[],
  mask: number[][],
  p: number,
  training: boolean,
): number[][] {
  throw new Error('Sin implementar: dropConnectDense');
}
