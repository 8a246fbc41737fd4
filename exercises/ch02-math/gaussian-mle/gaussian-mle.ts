/**
 * Estimación de máxima verosimilitud de una normal (capítulo 2).
 * x es una muestra de N ≥ 2 números; sigma > 0 es la desviación típica (no la varianza).
 */

/**
 * Log-verosimilitud negativa TOTAL (suma sobre la muestra) de N(mu, sigma²):
 *   NLL = Σ_i [ ½·log(2π·sigma²) + (x_i − mu)² / (2·sigma²) ]
 * No modifiques x.
 */
export function gaussianNll(x: number[], mu: number, sigma: number): number {
  throw new Error('Sin implementar: gaussianNll');
}

/**
 * Derivadas parciales de gaussianNll respecto a mu y a sigma, en el punto (mu, sigma).
 * No modifiques x.
 */
export function gaussianNllGradient(x: number[], mu: number, sigma: number): { dmu: number; dsigma: number } {
  throw new Error('Sin implementar: gaussianNllGradient');
}

/**
 * Estimadores de máxima verosimilitud (los que minimizan gaussianNll):
 * mu = media muestral y sigma = √((1/N)·Σ(x_i − mu)²).
 * No modifiques x.
 */
export function gaussianMle(x: number[]): { mu: number; sigma: number } {
  throw new Error('Sin implementar: gaussianMle');
}
