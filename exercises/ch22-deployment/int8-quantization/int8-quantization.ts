/** Parámetros de una cuantización afín por tensor: x ≈ scale·(q − zeroPoint). */
export interface QuantParams {
  scale: number;
  /** entero en [−128, 127] */
  zeroPoint: number;
}

/**
 * Escala y punto cero int8 para valores en [min, max] (capítulo 22).
 *
 * El rango se amplía para contener el 0: lo = min(min, 0), hi = max(max, 0).
 * scale = (hi − lo)/255 (o 1 si hi = lo); zeroPoint = −128 − round(lo/scale), con
 * round(v) = ⌊v + 0.5⌋ (Math.round), limitado a [−128, 127].
 */
export function quantParams(min: number, max: number): QuantParams {
  throw new Error('Sin implementar: quantParams');
}

/**
 * q = clamp(round(x/scale) + zeroPoint, −128, 127) para cada x, con round(v) = ⌊v + 0.5⌋.
 * Devuelve enteros. No modifiques x.
 */
export function quantize(x: number[], scale: number, zeroPoint: number): number[] {
  throw new Error('Sin implementar: quantize');
}

/** x̂ = scale·(q − zeroPoint) para cada q. No modifiques q. */
export function dequantize(q: number[], scale: number, zeroPoint: number): number[] {
  throw new Error('Sin implementar: dequantize');
}
