/**
 * Contar parámetros de redes feed-forward: MLP, MLP residual y bloque denso (capítulo 6).
 * Todas las capas son densas (totalmente conectadas) y TODAS llevan sesgo.
 */

/**
 * MLP con capas sizes[0] → sizes[1] → … → sizes[L] (sizes[0] es la dimensión de entrada).
 * Devuelve el número total de parámetros entrenables. No modifiques sizes.
 */
export function mlpParams(sizes: number[]): number {
  throw new Error('Sin implementar: mlpParams');
}

/**
 * MLP residual:
 *   entrada (inputDim) → Dense(width)                              (tallo)
 *   → blocks × [ z ↦ z + Dense(width)(relu(Dense(hidden)(z))) ]    (bloques con atajo identidad)
 *   → Dense(outputDim)                                             (cabeza)
 * Devuelve el número total de parámetros entrenables.
 */
export function residualMlpParams(inputDim: number, width: number, hidden: number, blocks: number, outputDim: number): number {
  throw new Error('Sin implementar: residualMlpParams');
}

/**
 * Bloque denso al estilo DenseNet con tasa de crecimiento k = growth y L = layers capas (L ≥ 1):
 * la capa ℓ (ℓ = 0 … L−1) es un Dense(k) aplicado a la CONCATENACIÓN de la entrada y las salidas
 * de todas las capas anteriores; la salida del bloque es la concatenación de la entrada y las L salidas.
 * Devuelve los parámetros entrenables y la dimensión de salida del bloque.
 */
export function denseBlock(inputDim: number, growth: number, layers: number): { params: number; outputDim: number } {
  throw new Error('Sin implementar: denseBlock');
}
