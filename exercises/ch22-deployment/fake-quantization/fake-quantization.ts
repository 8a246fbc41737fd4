/**
 * Cuantización simulada («fake quantization») para entrenar con cuantización (QAT), capítulo 22.
 *
 * Con b = numBits bits los códigos enteros van de 0 a qmax = 2^b − 1, y
 *   q  = clamp(round(x / scale) + zeroPoint, 0, qmax)
 *   x̂  = (q − zeroPoint) · scale
 * round redondea al entero más próximo (las entradas nunca caen en un empate .5).
 */

/** x̂ para cada elemento de x. No modifiques x. */
export function fakeQuantize(x: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  throw new Error('Sin implementar: fakeQuantize');
}

/**
 * El gradiente respecto a x con el estimador «straight-through» (STE), dado dY = ∂L/∂x̂: round se
 * trata como la identidad, así que dX[i] = dY[i] si round(x[i]/scale) + zeroPoint está en [0, qmax]
 * y 0 si el clamp lo recortó.
 */
export function fakeQuantizeGrad(x: number[], dY: number[], scale: number, zeroPoint: number, numBits: number): number[] {
  throw new Error('Sin implementar: fakeQuantizeGrad');
}

/**
 * Un paso de QAT de un modelo lineal pred = X·ŵ (X es N×d, w tiene d pesos, ŵ = fakeQuantize(w)):
 * loss = media de (pred − y)²; ∂loss/∂ŵ y, con el STE, ∂loss/∂w; w' = w − lr·∂loss/∂w.
 * Devuelve { w: w', loss } con loss antes del paso. No modifiques los argumentos.
 */
export function qatStep(
  w: number[],
  X: number[][],
  y: number[],
  lr: number,
  scale: number,
  zeroPoint: number,
  numBits: number,
): { w: number[]; loss: number } {
  throw new Error('Sin implementar: qatStep');
}
