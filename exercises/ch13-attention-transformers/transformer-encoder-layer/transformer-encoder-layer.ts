/**
 * Capa de codificador Transformer (capítulo 13), en la forma post-LN del libro:
 *   Z = LN(X + MHA(X));  Y = LN(Z + FFN(Z))
 */

/** Parámetros de una capa (d = ancho del modelo, dff = ancho oculto de la FFN). */
export interface EncoderParams {
  Wq: number[][]; // d×d, proyección de consultas (las cabezas se reparten sus columnas en orden)
  Wk: number[][]; // d×d
  Wv: number[][]; // d×d
  Wo: number[][]; // d×d, proyección de salida tras concatenar las cabezas
  W1: number[][]; // d×dff
  b1: number[]; // dff
  W2: number[][]; // dff×d
  b2: number[]; // d
  gamma1: number[]; // d, escala de la primera LayerNorm
  beta1: number[]; // d
  gamma2: number[]; // d, escala de la segunda LayerNorm
  beta2: number[]; // d
}

/**
 * LayerNorm de cada fila de X (n×d): normaliza sus d valores con su media y su varianza
 * (dividiendo entre d), con ε dentro de la raíz, y después aplica γ y β elemento a elemento.
 * No modifiques los argumentos.
 */
export function layerNorm(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  throw new Error('Sin implementar: layerNorm');
}

/**
 * Una capa de codificador: atención multi-cabeza (sin sesgos, heads cabezas de d/heads columnas,
 * escala 1/√(d/heads)), FFN ReLU(Z·W1 + b1)·W2 + b2, residuos y LayerNorm con ε = 1e-5 después de
 * cada suma. X es n×d; devuelve Y, n×d. No modifiques los argumentos.
 */
export function encoderLayer(X: number[][], params: EncoderParams, heads: number): number[][] {
  throw new Error('Sin implementar: encoderLayer');
}
