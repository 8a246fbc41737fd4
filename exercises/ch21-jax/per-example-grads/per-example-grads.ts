/** Parámetros de una capa densa al estilo Flax: y = tanh(x·W + b), con W de forma n_in×n_out. */
export interface Params {
  W: number[][];
  b: number[];
}

/** Lo que devuelve vmap(value_and_grad(loss), in_axes=(None, 0, 0)): todo con el lote como primer eje. */
export interface PerExample {
  /** loss[i] = ℓ_i */
  loss: number[];
  /** W[i] = ∂ℓ_i/∂W (n_in×n_out) */
  W: number[][][];
  /** b[i] = ∂ℓ_i/∂b (n_out) */
  b: number[][];
}

/**
 * Gradientes por ejemplo, la idea de vmap(grad(·)) en JAX (capítulo 21).
 *
 * Para cada ejemplo i (fila de X e Y): a_i = tanh(x_i·W + b) y ℓ_i = ½·‖a_i − y_i‖².
 * Devuelve la pérdida y el gradiente de CADA ejemplo por separado (no su suma ni su media), con
 * la misma estructura que params y el lote como primer eje. No modifiques los argumentos.
 */
export function perExampleGrads(params: Params, X: number[][], Y: number[][]): PerExample {
  throw new Error('Sin implementar: perExampleGrads');
}
