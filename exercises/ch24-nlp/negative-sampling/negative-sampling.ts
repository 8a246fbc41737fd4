/**
 * Pérdida de skip-gram con muestreo negativo y sus gradientes (capítulo 24, Word2Vec).
 *
 * center:    v_{w_i}, el vector de la palabra central (longitud d).
 * context:   v_{w_o}, el vector de una palabra de contexto real (longitud d).
 * negatives: K vectores v_{w_k⁻} de palabras muestreadas al azar (K×d).
 */

/**
 * L = −log σ(v_{w_o}·v_{w_i}) − Σ_k log σ(−v_{w_k⁻}·v_{w_i}), con σ(x) = 1/(1 + e^{−x}).
 * Debe ser numéricamente estable (productos escalares de cientos). No modifiques los argumentos.
 */
export function negativeSamplingLoss(center: number[], context: number[], negatives: number[][]): number {
  throw new Error('Sin implementar: negativeSamplingLoss');
}

/** ∂L/∂v_{w_i}, ∂L/∂v_{w_o} y ∂L/∂v_{w_k⁻}, calculados a mano. No modifiques los argumentos. */
export function negativeSamplingGrads(center: number[], context: number[], negatives: number[][]): { dCenter: number[]; dContext: number[]; dNegatives: number[][] } {
  throw new Error('Sin implementar: negativeSamplingGrads');
}
