export interface FairnessReport {
  /** SPD: máx − mín entre grupos de P(ŷ = 1 | A = g) */
  statisticalParity: number;
  /** EOpp: máx − mín entre grupos de la TPR, P(ŷ = 1 | y = 1, A = g) */
  equalOpportunity: number;
  /** EO: el mayor de los dos huecos, el de la TPR y el de la FPR, P(ŷ = 1 | y = 0, A = g) */
  equalizedOdds: number;
  /** DIR: mín / máx entre grupos de P(ŷ = 1 | A = g); 1 si ningún grupo recibe predicciones positivas */
  disparateImpact: number;
}

/**
 * Auditoría de fairness de un clasificador binario (capítulo 28).
 *
 * predictions: n predicciones ŷ_i ∈ {0, 1}.
 * labels:      n etiquetas verdaderas y_i ∈ {0, 1}.
 * groups:      n grupos protegidos A_i ∈ {0, 1, …, G−1}; cada grupo aparece y tiene ejemplos con y = 1 y con y = 0.
 *
 * Con varios grupos, cada diferencia es el máximo menos el mínimo de la tasa entre los G grupos.
 * No modifiques ningún argumento.
 */
export function fairnessMetrics(predictions: number[], labels: number[], groups: number[]): FairnessReport {
  throw new Error('Sin implementar: fairnessMetrics');
}
