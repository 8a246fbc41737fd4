/**
 * La pérdida de un autoencoder variacional (capítulo 27 y Tema 5).
 *
 * Todas las matrices son B×d (una fila por ejemplo del lote). El codificador da, para cada
 * ejemplo, la media μ y el logaritmo de la varianza logvar = log σ² de q(z|x) = N(μ, σ²).
 */

/**
 * Truco de la reparametrización: z = μ + σ ⊙ ε, con σ = exp(logvar / 2).
 * eps es el ruido ε ~ N(0, I) ya muestreado (misma forma que mu). Devuelve z (B×d).
 */
export function reparameterize(mu: number[][], logvar: number[][], eps: number[][]): number[][] {
  throw new Error('Sin implementar: reparameterize');
}

export interface VaeLoss {
  /** BCE sumada sobre las D características y promediada sobre el lote */
  reconstruction: number;
  /** KL(N(μ, σ²) ‖ N(0, I)) sumada sobre las d dimensiones latentes y promediada sobre el lote */
  kl: number;
  /** reconstruction + beta · kl */
  total: number;
}

/**
 * x:     B×D datos en [0, 1]; xHat: B×D reconstrucción del decodificador, probabilidades en (0, 1).
 * mu, logvar: B×d parámetros del codificador. beta: peso del término KL (β-VAE; 1 en el VAE clásico).
 * No modifiques los argumentos.
 */
export function vaeLoss(x: number[][], xHat: number[][], mu: number[][], logvar: number[][], beta: number): VaeLoss {
  throw new Error('Sin implementar: vaeLoss');
}

/**
 * Gradientes del término kl de vaeLoss (promedio sobre el lote) respecto a mu y a logvar.
 * Devuelve { dMu, dLogvar }, ambos B×d.
 */
export function klGradients(mu: number[][], logvar: number[][]): { dMu: number[][]; dLogvar: number[][] } {
  throw new Error('Sin implementar: klGradients');
}
