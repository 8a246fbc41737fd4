/**
 * Métricas de regresión: MSE, RMSE, MAE y R² (capítulo 1).
 * yTrue e yPred tienen la misma longitud N ≥ 1.
 */

/** Las cuatro métricas de una vez. */
export interface RegressionMetrics {
  /** (1/N) Σ (y − ŷ)² */
  mse: number;
  /** √MSE */
  rmse: number;
  /** (1/N) Σ |y − ŷ| */
  mae: number;
  /**
   * 1 − Σ(y − ŷ)² / Σ(y − ȳ)², con ȳ la media de yTrue.
   * Si yTrue es constante (Σ(y − ȳ)² = 0): 1 si la predicción es perfecta y 0 si no.
   */
  r2: number;
}

/** Calcula las métricas de regresión. No modifiques yTrue ni yPred. */
export function regressionMetrics(yTrue: number[], yPred: number[]): RegressionMetrics {
  throw new Error('Sin implementar: regressionMetrics');
}
