/** Hiperparámetros de Adam (capítulos 16 y 17). */
export interface AdamHyper {
  /** tasa de aprendizaje η */
  lr: number;
  /** intensidad de la regularización λ */
  lambda: number;
  /** β1: decaimiento del primer momento */
  beta1: number;
  /** β2: decaimiento del segundo momento */
  beta2: number;
  /** ε que se suma a √v̂ en el denominador */
  eps: number;
  /** número de pasos T (≥ 1) */
  steps: number;
}

/**
 * Adam con regularización L2 «acoplada» (capítulo 17).
 *
 * Minimiza J(w) = L(w) + (λ/2)·‖w‖², con L(w) = (1/N)·Σ_i (x_i·w − y_i)² (error cuadrático medio
 * de una regresión lineal sin sesgo). El término λ·w se suma al gradiente ANTES de actualizar los
 * momentos m y v, así que pasa por la normalización de Adam.
 *
 * w0: pesos iniciales (d). X: datos N×d. y: objetivos (N). Devuelve los pesos tras hp.steps pasos
 * de Adam con corrección de sesgo. No modifiques los argumentos.
 */
export function adamL2(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  throw new Error('Sin implementar: adamL2');
}

/**
 * AdamW: Adam con weight decay desacoplado (capítulo 17).
 *
 * Los momentos m y v solo ven el gradiente de L(w) (el mismo error cuadrático medio). En cada paso
 * t, además del paso de Adam, el peso se encoge directamente: w ← w − η·(m̂/(√v̂ + ε) + λ·w),
 * usando en ambos términos el w de antes del paso.
 *
 * Devuelve los pesos tras hp.steps pasos. No modifiques los argumentos.
 */
export function adamW(w0: number[], X: number[][], y: number[], hp: AdamHyper): number[] {
  throw new Error('Sin implementar: adamW');
}
