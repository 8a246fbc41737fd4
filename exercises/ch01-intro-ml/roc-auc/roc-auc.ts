/**
 * Curva ROC y área bajo la curva (capítulo 1).
 */

/**
 * Curva ROC de un clasificador binario.
 *
 * labels: etiquetas reales, 0 o 1 (hay al menos un positivo y al menos un negativo).
 * scores: puntuación de cada ejemplo (mayor = más probable que sea positivo), misma longitud.
 *
 * Umbrales: los valores DISTINTOS de scores, de mayor a menor, t_1 > t_2 > … > t_m.
 * Para cada umbral t se predice positivo cuando score ≥ t, y
 *   fpr = FP / (nº de negativos),  tpr = TP / (nº de positivos).
 * Devuelve { fpr, tpr } con m + 1 puntos: primero (0, 0) y después uno por umbral
 * (el último es siempre (1, 1)).
 * No modifiques labels ni scores.
 */
export function rocCurve(labels: number[], scores: number[]): { fpr: number[]; tpr: number[] } {
  throw new Error('Sin implementar: rocCurve');
}

/**
 * Área bajo la curva ROC por la regla del trapecio sobre los puntos de rocCurve.
 * Equivale a la probabilidad de que un positivo al azar puntúe más que un negativo al azar,
 * contando los empates como 1/2.
 * No modifiques labels ni scores.
 */
export function rocAuc(labels: number[], scores: number[]): number {
  throw new Error('Sin implementar: rocAuc');
}
