/**
 * Pérdidas de una GAN y de una WGAN (capítulo 27 y Tema 5).
 *
 * Los "logits" son las salidas del discriminador ANTES de la sigmoide: D(x) = σ(logit).
 * Pueden ser grandes (±100): calcula log σ(l) de forma estable, sin pasar por σ(l).
 */

/**
 * Pérdida del discriminador: BCE de los reales con etiqueta 1 más BCE de los falsos con etiqueta 0,
 *   −mean(log σ(realLogits)) − mean(log(1 − σ(fakeLogits))).
 */
export function discriminatorLoss(realLogits: number[], fakeLogits: number[]): number {
  throw new Error('Sin implementar: discriminatorLoss');
}

/**
 * Pérdida del generador, que el generador minimiza:
 *   'minimax':         mean(log(1 − σ(fakeLogits)))   (el término del juego min-max original)
 *   'non-saturating':  −mean(log σ(fakeLogits))       (la que se usa en la práctica)
 */
export function generatorLoss(fakeLogits: number[], kind: 'minimax' | 'non-saturating'): number {
  throw new Error('Sin implementar: generatorLoss');
}

/**
 * WGAN: el crítico da puntuaciones sin sigmoide.
 *   critic    = mean(fakeScores) − mean(realScores)   (lo que minimiza el crítico)
 *   generator = −mean(fakeScores)                     (lo que minimiza el generador)
 */
export function wganLosses(realScores: number[], fakeScores: number[]): { critic: number; generator: number } {
  throw new Error('Sin implementar: wganLosses');
}

/** Recorte de pesos de la WGAN original: cada peso a [−c, c]. Devuelve una matriz nueva. */
export function clipWeights(weights: number[][], c: number): number[][] {
  throw new Error('Sin implementar: clipWeights');
}
