/**
 * Proceso directo (difusión) de un DDPM (capítulo 27.3).
 *
 * Los pasos se numeran t = 1 … T como en el libro; en los arrays, el índice es t − 1:
 * betas[t − 1] = β_t y alphaBars[t − 1] = ᾱ_t.
 */

/** β_t = betaStart + (betaEnd − betaStart)·(t − 1)/(T − 1) para t = 1 … T (T ≥ 2). */
export function linearBetas(T: number, betaStart: number, betaEnd: number): number[] {
  throw new Error('Sin implementar: linearBetas');
}

/**
 * Programa coseno: f(t) = cos²((t/T + s)/(1 + s) · π/2), ᾱ(t) = f(t)/f(0) y
 * β_t = min(1 − ᾱ(t)/ᾱ(t − 1), 0.999) para t = 1 … T. s vale 0.008 si no se pasa.
 */
export function cosineBetas(T: number, s?: number): number[] {
  throw new Error('Sin implementar: cosineBetas');
}

/** ᾱ_t = Π_{i=1}^{t} (1 − β_i) para t = 1 … T. No modifiques betas. */
export function alphaBars(betas: number[]): number[] {
  throw new Error('Sin implementar: alphaBars');
}

/**
 * x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · ε, con t entre 1 y T y ᾱ_t = alphaBars[t − 1].
 * eps es el ruido ε ~ N(0, I) ya muestreado (misma longitud que x0). No modifiques los argumentos.
 */
export function qSample(x0: number[], t: number, alphaBars: number[], eps: number[]): number[] {
  throw new Error('Sin implementar: qSample');
}
