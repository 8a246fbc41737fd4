/**
 * Paso hacia delante de un bloque denso (DenseNet) totalmente conectado (capítulo 6).
 *
 * x: lote N×k0. Capa l (l = 0 … L−1) con tasa de crecimiento k:
 *   entrada_l = concat(x, h_0, …, h_{l−1})      (N×(k0 + l·k), concatenando COLUMNAS en ese orden)
 *   h_l       = relu(entrada_l · weights[l] + biases[l])      (N×k)
 * weights[l] es (k0 + l·k)×k y biases[l] tiene k elementos.
 *
 * Devuelve concat(x, h_0, …, h_{L−1}): N×(k0 + L·k).
 * No modifiques ningún argumento.
 */
export function denseBlockForward(x: number[][], weights: number[][][], biases: number[][]): number[][] {
  throw new Error('Sin implementar: denseBlockForward');
}
