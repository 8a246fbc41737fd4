/**
 * Códigos de SwAV con el algoritmo de Sinkhorn-Knopp (capítulo 30).
 *
 * scores:     B×K, scores[b][k] = similitud z_b·c_k entre la muestra b y el prototipo k.
 * epsilon:    ε > 0, controla lo «blandas» que son las asignaciones.
 * iterations: número de iteraciones de Sinkhorn (≥ 0).
 *
 * Parte de Q_bk ∝ exp(scores[b][k] / ε), normalizada para que todo Q sume 1. En cada iteración,
 * primero escala para que cada PROTOTIPO k sume 1/K (sobre las muestras) y después para que cada
 * MUESTRA b sume 1/B (sobre los prototipos). Al final normaliza cada muestra para que sus K códigos
 * sumen 1. Devuelve una matriz B×K. No modifiques scores.
 */
export function sinkhornKnopp(scores: number[][], epsilon: number, iterations: number): number[][] {
  throw new Error('Sin implementar: sinkhornKnopp');
}
