/**
 * Datos de entrenamiento de skip-gram y similitud coseno (capítulo 24, Word2Vec).
 */

/**
 * Pares (centro, contexto) de skip-gram con ventana k: para cada posición t (en orden), cada
 * posición j con 1 ≤ |j − t| ≤ k dentro de la frase, en orden creciente de j.
 * Devuelve [[tokens[t], tokens[j]], …]. No modifiques tokens.
 */
export function skipgramPairs(tokens: string[], window: number): [string, string][] {
  throw new Error('Sin implementar: skipgramPairs');
}

/**
 * cos(a, b) = a·b / (‖a‖·‖b‖). Si alguno de los dos vectores es nulo, devuelve 0.
 */
export function cosineSimilarity(a: number[], b: number[]): number {
  throw new Error('Sin implementar: cosineSimilarity');
}
