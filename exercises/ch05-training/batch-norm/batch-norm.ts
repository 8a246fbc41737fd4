/**
 * Batch Normalization en modo entrenamiento: paso hacia delante, estadísticas móviles
 * y paso hacia atrás (capítulo 5).
 *
 * x es un minilote N×D (N ≥ 2 ejemplos, D características); gamma y beta tienen longitud D.
 */

/** Resultado del paso hacia delante en entrenamiento. */
export interface BatchNormForward {
  /** y = gamma · (x − μ_B) / √(σ²_B + eps) + beta, N×D */
  y: number[][];
  /** nueva media móvil: (1 − momentum)·runningMean + momentum·μ_B */
  runningMean: number[];
  /** nueva varianza móvil: (1 − momentum)·runningVar + momentum·σ²_B·N/(N − 1) (varianza insesgada) */
  runningVar: number[];
}

/**
 * Paso hacia delante en modo entrenamiento (convención de PyTorch, momentum típico 0.1).
 * μ_B y σ²_B son la media y la varianza SESGADA (dividiendo entre N) de cada columna del lote;
 * la normalización usa σ²_B, la varianza móvil se actualiza con la insesgada.
 * No modifiques ningún argumento (devuelve arrays nuevos).
 */
export function batchNormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  momentum: number,
  eps: number,
): BatchNormForward {
  throw new Error('Sin implementar: batchNormForward');
}

/** Gradientes del paso hacia atrás. */
export interface BatchNormGrads {
  dx: number[][];
  dgamma: number[];
  dbeta: number[];
}

/**
 * Paso hacia atrás en modo entrenamiento: dado dy = ∂L/∂y (N×D), devuelve ∂L/∂x, ∂L/∂gamma y ∂L/∂beta.
 * Recuerda que μ_B y σ²_B dependen de x: dx no es solo gamma·dy/√(σ²_B + eps).
 * No modifiques ningún argumento.
 */
export function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): BatchNormGrads {
  throw new Error('Sin implementar: batchNormBackward');
}
