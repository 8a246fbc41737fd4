/**
 * Clasificador binario: F(x) = σ(tanh(x·W1 + b1)·v + b0).
 * W1 es D×H (entradas × ocultas), b1 y v tienen H elementos, b0 es un número.
 */
export interface Classifier {
  W1: number[][];
  b1: number[];
  v: number[];
  b0: number;
}

/**
 * Gradientes integrados (capítulo 28).
 *
 * net:      los pesos del clasificador (ver Classifier).
 * x:        la entrada a explicar, D elementos.
 * baseline: la entrada de referencia x' (por ejemplo, todo ceros), D elementos.
 * m:        número de pasos de la suma de Riemann (m ≥ 1).
 *
 * Devuelve las atribuciones IG_i = (x_i − x'_i) · (1/m) · Σ_{k=1..m} ∂F/∂x_i(x' + (k/m)·(x − x')),
 * un vector de D elementos (suma de Riemann por la derecha: k va de 1 a m).
 * No modifiques net, x ni baseline.
 */
export function integratedGradients(net: Classifier, x: number[], baseline: number[], m: number): number[] {
  throw new Error('Sin implementar: integratedGradients');
}
