/**
 * Penalización de gradiente de WGAN-GP (Tema 5, capítulo 27.2.2).
 *
 * El crítico es una red de una capa oculta: D(x) = Σ_k v_k · tanh((W x + b)_k),
 * con x de dimensión d, W de forma h×d, b y v de longitud h.
 */

/**
 * x̂_i = ε_i · real_i + (1 − ε_i) · fake_i para cada fila i del lote (real y fake son B×d,
 * eps tiene B números en [0, 1]). Devuelve x̂ (B×d). No modifiques los argumentos.
 */
export function interpolate(real: number[][], fake: number[][], eps: number[]): number[][] {
  throw new Error('Sin implementar: interpolate');
}

/** ∇_x D(x): el gradiente del crítico respecto a su entrada x (longitud d), calculado a mano. */
export function criticGradient(x: number[], W: number[][], b: number[], v: number[]): number[] {
  throw new Error('Sin implementar: criticGradient');
}

/**
 * λ · media_i (‖∇_x D(x̂_i)‖₂ − 1)², con x̂ = interpolate(real, fake, eps).
 */
export function gradientPenalty(real: number[][], fake: number[][], eps: number[], W: number[][], b: number[], v: number[], lambda: number): number {
  throw new Error('Sin implementar: gradientPenalty');
}
