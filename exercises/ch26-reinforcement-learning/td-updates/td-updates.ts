/**
 * Actualizaciones TD de un paso sobre una tabla Q (capítulo 26).
 *
 * q:      tabla |S|×|A|; q[s][a] es la estimación actual de Q(s, a).
 * s, a:   estado y acción del paso, r: recompensa recibida, sNext: estado siguiente s'.
 * done:   true si s' es terminal (entonces no hay valor futuro: el objetivo es solo r).
 * alpha:  tasa de aprendizaje α; gamma: factor de descuento γ.
 *
 * Ambas devuelven una tabla NUEVA en la que solo cambia la entrada [s][a]:
 *   Q(s, a) ← Q(s, a) + α·(objetivo − Q(s, a)).
 * No modifiques q (ni sus filas).
 */

/** Q-learning (off-policy): objetivo = r + γ·max_{a'} Q(s', a'). */
export function qLearningUpdate(q: number[][], s: number, a: number, r: number, sNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  throw new Error('Sin implementar: qLearningUpdate');
}

/** SARSA (on-policy): objetivo = r + γ·Q(s', a'), con a' = aNext, la acción que se tomará de verdad. */
export function sarsaUpdate(q: number[][], s: number, a: number, r: number, sNext: number, aNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  throw new Error('Sin implementar: sarsaUpdate');
}
