/**
 * Objetivo recortado de PPO (capítulo 26, §26.4), escrito como pérdida a minimizar.
 *
 * logpNew[t]:    log π_θ(a_t | s_t) con la política actual.
 * logpOld[t]:    log π_θ_old(a_t | s_t) con la política que recogió los datos.
 * advantages[t]: la ventaja estimada Â_t (por ejemplo, con GAE).
 * clipEps:       ε, el ancho del intervalo de recorte [1 − ε, 1 + ε].
 *
 * Con r_t = exp(logpNew[t] − logpOld[t]):
 *   loss         = −(1/N) Σ_t min(r_t·Â_t, clip(r_t, 1 − ε, 1 + ε)·Â_t)
 *   dLogpNew[t]  = ∂loss/∂logpNew[t]
 *   clipFraction = fracción de muestras con |r_t − 1| > ε
 * No modifiques los argumentos.
 */
export function ppoClip(
  logpNew: number[],
  logpOld: number[],
  advantages: number[],
  clipEps: number,
): { loss: number; dLogpNew: number[]; clipFraction: number } {
  throw new Error('Sin implementar: ppoClip');
}
