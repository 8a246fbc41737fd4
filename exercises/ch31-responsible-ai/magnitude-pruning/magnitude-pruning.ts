/**
 * Poda por magnitud no estructurada (capítulo 31).
 *
 * layers:   los pesos de cada capa, aplanados (layers[l] es el vector de la capa l; pueden tener tamaños distintos).
 * sparsity: la fracción s ∈ [0, 1] de pesos que se eliminan (se ponen a 0).
 * scope:    'layer' → cada capa pierde exactamente ⌊s·n_l⌋ de sus n_l pesos;
 *           'global' → se eliminan exactamente ⌊s·N⌋ de los N pesos de toda la red, estén en la capa que estén.
 *
 * Se eliminan los pesos de menor |w|; en caso de empate en |w| se elimina antes el que va primero
 * (capa anterior y, dentro de la capa, índice menor). Devuelve capas nuevas de la misma forma.
 * No modifiques layers.
 */
export function magnitudePrune(layers: number[][], sparsity: number, scope: 'global' | 'layer'): number[][] {
  throw new Error('Sin implementar: magnitudePrune');
}
