/**
 * Detección de anomalías con el error de reconstrucción de un autoencoder (Tema 5).
 *
 * x y xHat son B×D: los datos y lo que el autoencoder reconstruye de ellos.
 */

/** Error cuadrático medio de cada ejemplo: mean_j (x_ij − x̂_ij)². Devuelve B números. */
export function reconstructionErrors(x: number[][], xHat: number[][]): number[] {
  throw new Error('Sin implementar: reconstructionErrors');
}

/**
 * Cuantil q ∈ [0, 1] con interpolación lineal: ordena de menor a mayor (v_0 ≤ … ≤ v_{n−1}),
 * p = q·(n − 1), y devuelve v_⌊p⌋ + (p − ⌊p⌋)·(v_⌈p⌉ − v_⌊p⌋). No modifiques values.
 */
export function quantile(values: number[], q: number): number {
  throw new Error('Sin implementar: quantile');
}

/**
 * Umbral = quantile(errores de reconstrucción del conjunto NORMAL de entrenamiento, q).
 * Un ejemplo de test es anómalo si su error es estrictamente mayor que el umbral.
 * Devuelve un booleano por ejemplo de test. No modifiques los argumentos.
 */
export function detectAnomalies(trainX: number[][], trainXHat: number[][], testX: number[][], testXHat: number[][], q: number): boolean[] {
  throw new Error('Sin implementar: detectAnomalies');
}
