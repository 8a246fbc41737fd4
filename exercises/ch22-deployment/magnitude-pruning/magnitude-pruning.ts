/** Resultado de la poda: los pesos con los podados a 0 y la máscara (1 = se conserva, 0 = podado). */
export interface Pruned {
  weights: number[][];
  mask: number[][];
}

/**
 * Poda global por magnitud (capítulo 22).
 *
 * layers:   los pesos de cada capa, aplanados (las capas pueden tener tamaños distintos).
 * sparsity: fracción a podar, en [0, 1]. Con n pesos EN TOTAL se podan k = ⌊sparsity·n⌋.
 *
 * Se podan los k pesos de menor |w| de TODA la red (no k por capa). Empates en |w|: se poda antes
 * el que aparece antes (capa anterior, o la misma capa y menor índice). weights y mask tienen la
 * misma forma que layers. No modifiques layers.
 */
export function magnitudePrune(layers: number[][], sparsity: number): Pruned {
  throw new Error('Sin implementar: magnitudePrune');
}
