/**
 * Un paso de SGD con momentum, clásico o de Nesterov (capítulo 16), con la convención de
 * TensorFlow.js y PyTorch (la tasa de aprendizaje va FUERA de la velocidad).
 *
 * params: parámetros θ actuales.
 * grads:  gradiente g en θ, de la misma longitud.
 * state:  velocidad v acumulada en los pasos anteriores (ceros al empezar).
 * hp:     tasa de aprendizaje lr, momentum μ y si se usa Nesterov.
 *
 *   v' = μ·v + g
 *   clásico:  θ' = θ − lr·v'
 *   Nesterov: θ' = θ − lr·(g + μ·v')
 * Devuelve { params: θ', state: { velocity: v' } } en arreglos nuevos.
 * No modifiques ninguno de los argumentos.
 */
export function sgdMomentumStep(
  params: number[],
  grads: number[],
  state: { velocity: number[] },
  hp: { lr: number; momentum: number; nesterov: boolean },
): { params: number[]; state: { velocity: number[] } } {
  throw new Error('Sin implementar: sgdMomentumStep');
}
