/**
 * Un paso del optimizador Adam con corrección de sesgo (capítulo 16).
 *
 * params: parámetros θ actuales (un vector).
 * grads:  gradiente g de la pérdida respecto a θ, de la misma longitud.
 * state:  estado tras t pasos ya dados: primer momento m, segundo momento v (vectores) y t.
 *         Al empezar el entrenamiento es { m: ceros, v: ceros, t: 0 }.
 * hp:     tasa de aprendizaje lr, β1, β2 y ε.
 *
 * Con t' = t + 1:
 *   m' = β1·m + (1 − β1)·g          v' = β2·v + (1 − β2)·g²
 *   m̂ = m' / (1 − β1^t')            v̂ = v' / (1 − β2^t')
 *   θ' = θ − lr · m̂ / (√v̂ + ε)      (ε se suma DESPUÉS de la raíz)
 * Devuelve { params: θ', state: { m: m', v: v', t: t' } } en arreglos nuevos.
 * No modifiques ninguno de los argumentos.
 */
export function adamStep(
  params: number[],
  grads: number[],
  state: { m: number[]; v: number[]; t: number },
  hp: { lr: number; beta1: number; beta2: number; epsilon: number },
): { params: number[]; state: { m: number[]; v: number[]; t: number } } {
  throw new Error('Sin implementar: adamStep');
}
