/**
 * Optimización bayesiana con un proceso gaussiano y mejora esperada (capítulo 18, §18.2).
 *
 * Kernel RBF: k(a, b) = signal² · exp(−(a − b)² / (2·lengthScale²)); ruido gaussiano de
 * desviación noise en las observaciones; media a priori 0.
 */

/**
 * Posterior del GP en los puntos xq, dadas las observaciones ys en xs: la media y la desviación
 * típica de f (sin el ruido de observación). No modifiques los argumentos.
 */
export function gpPosterior(xs: number[], ys: number[], xq: number[], lengthScale: number, signal: number, noise: number): { mean: number[]; std: number[] } {
  throw new Error('Sin implementar: gpPosterior');
}

/**
 * Mejora esperada para MAXIMIZAR, punto a punto: E[max(0, f − best − xi)] con f ~ N(mean[i], std[i]²).
 * Con std[i] = 0, max(mean[i] − best − xi, 0). No modifiques los argumentos.
 */
export function expectedImprovement(mean: number[], std: number[], best: number, xi: number): number[] {
  throw new Error('Sin implementar: expectedImprovement');
}
