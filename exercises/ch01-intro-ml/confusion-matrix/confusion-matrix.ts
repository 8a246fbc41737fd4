/**
 * Matriz de confusión y métricas derivadas (capítulo 1).
 */

/** Precisión, recall y F1 resumidos con un tipo de promedio. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Matriz de confusión K×K con K = numClasses.
 *
 * yTrue: clases reales (enteros en 0..K−1), longitud N.
 * yPred: clases predichas (enteros en 0..K−1), longitud N.
 *
 * Devuelve cm con cm[i][j] = número de ejemplos de clase real i predichos como j
 * (filas = real, columnas = predicción). Las clases que no aparecen dan filas/columnas de ceros.
 * No modifiques yTrue ni yPred.
 */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  throw new Error('Sin implementar: confusionMatrix');
}

/**
 * Precisión, recall y F1 a partir de una matriz de confusión cm (filas = real, columnas = predicción).
 *
 * average:
 *  - 'macro':    media sin ponderar de la métrica de cada clase (F1 macro = media de los F1 por clase).
 *  - 'micro':    se suman TP, FP y FN de todas las clases y se aplica la fórmula una vez.
 *  - 'weighted': media de las métricas por clase ponderada por el soporte (ejemplos reales de cada clase).
 *
 * Toda división 0/0 vale 0 (una clase nunca predicha tiene precisión 0, no NaN).
 * No modifiques cm.
 */
export function classificationScores(cm: number[][], average: 'macro' | 'micro' | 'weighted'): Scores {
  throw new Error('Sin implementar: classificationScores');
}
