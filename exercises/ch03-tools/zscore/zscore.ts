/**
 * Estandarización z-score ajustada en entrenamiento (capítulo 3).
 * Las matrices son N×d: una fila por ejemplo, una columna por característica.
 */

/** Estadísticas por característica (columna), ambas de longitud d. */
export interface Standardizer {
  mean: number[];
  std: number[];
}

/**
 * Calcula la media y la desviación típica POBLACIONAL (dividiendo entre N, no N − 1)
 * de cada columna de X (N ≥ 1). Una columna constante tiene std 0.
 * No modifiques X.
 */
export function fitStandardizer(X: number[][]): Standardizer {
  throw new Error('Sin implementar: fitStandardizer');
}

/**
 * Aplica z = (x − mean) / std columna a columna con estadísticas ya ajustadas (normalmente
 * las de entrenamiento aplicadas a validación o test). Si std es 0 en una columna, divide entre 1
 * (solo se resta la media). Devuelve una matriz nueva de la misma forma que X.
 * No modifiques X ni stats.
 */
export function applyStandardizer(X: number[][], stats: Standardizer): number[][] {
  throw new Error('Sin implementar: applyStandardizer');
}
