/**
 * Red MLP de dos capas: logits = ReLU(x·W1 + b1)·W2 + b2.
 * W1 es D×H (entradas × ocultas), b1 tiene H elementos, W2 es H×C (ocultas × clases), b2 tiene C.
 */
export interface Mlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/**
 * Mapa de saliencia (capítulo 28).
 *
 * net: los pesos de la MLP (ver Mlp).
 * x:   la entrada, un vector de D elementos.
 * c:   el índice de la clase a explicar (0 ≤ c < C).
 *
 * Devuelve ∂z_c/∂x, el gradiente de la puntuación (logit, antes de la softmax) de la clase c
 * respecto a cada componente de la entrada: un vector de D elementos.
 * Convenio: ReLU'(0) = 0. No modifiques net ni x.
 */
export function saliency(net: Mlp, x: number[], c: number): number[] {
  throw new Error('Sin implementar: saliency');
}
