/** Una ronda (rung) de Successive Halving: el presupuesto y las configuraciones evaluadas con él. */
export interface Rung {
  /** presupuesto r_i = r0·η^i (p. ej. épocas) */
  budget: number;
  /** índices de las configuraciones que llegan a esta ronda, en orden creciente */
  configs: number[];
}

/**
 * Successive Halving (capítulo 18).
 *
 * losses[c][r − 1]: pérdida de validación de la configuración c tras r unidades de presupuesto
 *                   (r = 1..R, con R = losses[c].length). Menor es mejor.
 * minBudget:        presupuesto de la primera ronda, r0 (1 ≤ r0 ≤ R).
 * eta:              factor de reducción η (entero ≥ 2).
 *
 * Ronda i: presupuesto r_i = r0·η^i; si r_i > R no hay ronda i. Se evalúa a las configuraciones
 * vivas con losses[c][r_i − 1]. Si queda una sola, se termina; si no, pasan a la siguiente ronda
 * las ⌊n_i/η⌋ mejores (al menos 1); en caso de empate gana el índice menor.
 * winner: la mejor configuración de la última ronda (mismo criterio de empate).
 * No modifiques losses.
 */
export function successiveHalving(losses: number[][], minBudget: number, eta: number): { rungs: Rung[]; winner: number } {
  throw new Error('Sin implementar: successiveHalving');
}

/** Un bracket de Hyperband: s, configuraciones iniciales n y presupuesto inicial r por configuración. */
export interface Bracket {
  s: number;
  n: number;
  r: number;
}

/**
 * Brackets de Hyperband para un presupuesto máximo R y un factor η (enteros, R ≥ 1, η ≥ 2).
 *
 * s_max = ⌊log_η R⌋ (el mayor s con η^s ≤ R), B = (s_max + 1)·R y, para s = s_max, …, 0:
 *   n = ⌈(B/R)·η^s/(s + 1)⌉,   r = R·η^(−s).
 * Devuelve los brackets en ese orden (s decreciente).
 */
export function hyperbandBrackets(R: number, eta: number): Bracket[] {
  throw new Error('Sin implementar: hyperbandBrackets');
}
