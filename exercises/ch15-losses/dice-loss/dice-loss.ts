/**
 * Pérdida Dice (capítulo 15).
 *
 * pred:   máscara H×W de probabilidades en [0, 1] (la salida de una sigmoide).
 * target: máscara H×W binaria (0 o 1), de la misma forma.
 * smooth: término de suavizado s (por defecto 1).
 *
 * Devuelve 1 − (2·Σ p·t + s) / (Σ p + Σ t + s), sumando sobre todos los píxeles.
 * No modifiques pred ni target.
 */
export function diceLoss(pred: number[][], target: number[][], smooth = 1): number {
  throw new Error('Sin implementar: diceLoss');
}
