/**
 * Suavizado de curvas al estilo de TensorBoard (capítulo 19).
 *
 * values: la métrica registrada en cada paso (puede contener NaN o ±Infinity).
 * weight: el peso del suavizado w, 0 ≤ w < 1 (el deslizador «Smoothing» de TensorBoard).
 * debias: si es true (por defecto), corrige el sesgo hacia 0 de los primeros puntos.
 *
 * Media móvil exponencial: m ← w·m + (1 − w)·x, empezando en m = 0; con corrección de sesgo cada
 * punto es m / (1 − w^k), donde k es cuántos puntos finitos se han acumulado. Los puntos no
 * finitos se devuelven tal cual y no entran en la media.
 * Devuelve un array nuevo de la misma longitud; no modifiques values.
 */
export function smoothCurve(values: number[], weight: number, debias = true): number[] {
  throw new Error('Sin implementar: smoothCurve');
}
