/**
 * Validación cruzada estratificada en K particiones (capítulo 3).
 *
 * labels:      clase (entero ≥ 0) de cada uno de los N ejemplos.
 * permutation: permutación de 0..N−1 ya sorteada (el barajado): el ejemplo permutation[0] va primero, etc.
 * k:           número de particiones (folds), 2 ≤ k ≤ N.
 *
 * Regla de reparto: ordena los ejemplos por clase (de menor a mayor) y, dentro de cada clase, por su
 * posición en permutation; después reparte esa lista en turno rotatorio continuo: el r-ésimo ejemplo
 * de la lista (r = 0, 1, …) va a la partición r mod k (sin reiniciar el turno al cambiar de clase).
 *
 * Devuelve fold, de longitud N: fold[i] es la partición (0..k−1) del ejemplo i.
 * No modifiques labels ni permutation.
 */
export function stratifiedFolds(labels: number[], permutation: number[], k: number): number[] {
  throw new Error('Sin implementar: stratifiedFolds');
}
