/**
 * Byte-Pair Encoding (capítulo 24, tokenización en subpalabras).
 *
 * Cada palabra se representa como la lista de sus caracteres seguida del símbolo de fin de
 * palabra '</w>': "gato" → ['g', 'a', 't', 'o', '</w>'].
 */

/**
 * Aprende hasta numMerges fusiones a partir de una tabla palabra → frecuencia.
 * En cada paso: cuenta cada par de símbolos adyacentes (ponderado por la frecuencia de la palabra),
 * elige el par más frecuente (empate: el menor en orden lexicográfico, comparando primero el
 * primer símbolo y luego el segundo con < de JavaScript) y lo fusiona en todas las palabras,
 * de izquierda a derecha y sin solapamientos. Para antes si ya no quedan pares.
 * Devuelve las fusiones en el orden en que se aprendieron. No modifiques wordCounts.
 */
export function learnBpe(wordCounts: Record<string, number>, numMerges: number): [string, string][] {
  throw new Error('Sin implementar: learnBpe');
}

/**
 * Codifica una palabra: parte de sus caracteres + '</w>' y aplica las fusiones en el orden en
 * que se aprendieron (cada una, en toda la palabra, de izquierda a derecha).
 * Devuelve la lista de símbolos. No modifiques merges.
 */
export function encodeBpe(word: string, merges: [string, string][]): string[] {
  throw new Error('Sin implementar: encodeBpe');
}
