/**
 * CRPS (Continuous Ranked Probability Score) de previsiones probabilísticas (capítulo 14, §14.5).
 * Un valor por caso i; cuanto menor, mejor.
 */

/**
 * Previsión gaussiana N(mu[i], sigma[i]²) y observación y[i], en forma cerrada:
 *   CRPS = σ·[ z·(2Φ(z) − 1) + 2φ(z) − 1/√π ],  z = (y − μ)/σ
 * φ y Φ son la densidad y la CDF de la normal estándar. JavaScript no tiene erf: escribe una
 * aproximación (por ejemplo la 7.1.26 de Abramowitz y Stegun, error < 1.5e-7).
 */
export function crpsGaussian(mu: number[], sigma: number[], y: number[]): number[] {
  throw new Error('Sin implementar: crpsGaussian');
}

/**
 * Previsión dada por un conjunto de K muestras samples[i] (K puede ser 1):
 *   CRPS = (1/K) Σ_k |s_k − y|  −  (1/(2K²)) Σ_k Σ_l |s_k − s_l|
 * No modifiques los argumentos.
 */
export function crpsEnsemble(samples: number[][], y: number[]): number[] {
  throw new Error('Sin implementar: crpsEnsemble');
}
