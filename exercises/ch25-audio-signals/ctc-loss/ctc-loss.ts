/**
 * Pérdida CTC (Connectionist Temporal Classification) y decodificación voraz (capítulo 25, §25.2).
 *
 * logProbs: T×C, logProbs[t][c] = log p_t(c), log-probabilidades (log-softmax) de los C símbolos en
 * cada paso t; blank: el índice del símbolo vacío; label: la transcripción (sin blanks), de longitud
 * L con un alineamiento posible (T ≥ 2L + 1 en las pruebas).
 */

/**
 * −log p(label | x) = −log Σ_π Π_t p_t(π_t), sumando sobre los caminos π de longitud T que colapsan
 * en label (fusionar repeticiones y después quitar blanks). Calcúlalo con la recursión α en
 * espacio logarítmico sobre l' = (blank, l1, blank, l2, …, blank). No modifiques los argumentos.
 */
export function ctcLoss(logProbs: number[][], label: number[], blank: number): number {
  throw new Error('Sin implementar: ctcLoss');
}

/** Mejor camino: el argmax de cada paso, fusionando repeticiones y quitando después los blanks. */
export function ctcGreedyDecode(logProbs: number[][], blank: number): number[] {
  throw new Error('Sin implementar: ctcGreedyDecode');
}
