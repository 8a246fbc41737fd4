/**
 * Calendarios de la tasa de aprendizaje (capítulo 5).
 * Cada función devuelve la tasa para los pasos t = 0, 1, …, count − 1 (un array de longitud count).
 */

/**
 * Decaimiento escalonado: lr_t = lr0 · gamma^⌊t / stepSize⌋.
 * (t son épocas: la tasa se multiplica por gamma cada stepSize épocas, empezando en lr0.)
 */
export function stepDecay(lr0: number, gamma: number, stepSize: number, count: number): number[] {
  throw new Error('Sin implementar: stepDecay');
}

/**
 * Cosine annealing: para 0 ≤ t ≤ T,
 *   lr_t = lrMin + ½·(lrMax − lrMin)·(1 + cos(π·t / T)),
 * y lr_t = lrMin para t > T (sin reinicios).
 */
export function cosineAnnealing(lrMax: number, lrMin: number, T: number, count: number): number[] {
  throw new Error('Sin implementar: cosineAnnealing');
}

/**
 * Tasa cíclica triangular (Smith): sube linealmente de baseLr a maxLr en stepSize iteraciones,
 * baja a baseLr en otras stepSize, y se repite (periodo 2·stepSize):
 *   ciclo = ⌊1 + t / (2·stepSize)⌋,  x = |t / stepSize − 2·ciclo + 1|,
 *   lr_t = baseLr + (maxLr − baseLr) · max(0, 1 − x).
 */
export function triangularCyclic(baseLr: number, maxLr: number, stepSize: number, count: number): number[] {
  throw new Error('Sin implementar: triangularCyclic');
}
