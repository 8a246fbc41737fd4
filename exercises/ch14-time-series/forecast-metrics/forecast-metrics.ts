/**
 * Métricas de error de pronóstico (capítulo 14). En las tres, actual y forecast tienen la misma longitud N ≥ 1.
 */

/**
 * MAPE truncado, en porcentaje:  100/N · Σ |y_t − ŷ_t| / max(|y_t|, eps).
 * eps (por defecto 1e-3) evita dividir por cero cuando y_t = 0.
 */
export function mape(actual: number[], forecast: number[], eps = 1e-3): number {
  throw new Error('Sin implementar: mape');
}

/**
 * sMAPE, en porcentaje:  100/N · Σ 2·|y_t − ŷ_t| / (|y_t| + |ŷ_t|).
 * Si y_t = ŷ_t = 0, ese término vale 0 (pero sigue contando en N).
 */
export function smape(actual: number[], forecast: number[]): number {
  throw new Error('Sin implementar: smape');
}

/**
 * MASE: el error absoluto medio del pronóstico dividido entre el del pronóstico ingenuo
 * estacional EN EL ENTRENAMIENTO:
 *   MAE = 1/N · Σ |y_t − ŷ_t|
 *   escala = 1/(M − m) · Σ_{t=m}^{M−1} |train_t − train_{t−m}|     (M = train.length > m)
 *   MASE = MAE / escala
 * season = m (por defecto 1). Se garantiza escala > 0.
 */
export function mase(actual: number[], forecast: number[], train: number[], season = 1): number {
  throw new Error('Sin implementar: mase');
}
