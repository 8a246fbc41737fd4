/**
 * Convolución 1×1 (pointwise) como mezcla de canales (capítulo 8).
 *
 * x: imagen H×W×C (channels-last): x[i][j] es el vector de C canales del píxel (i, j).
 * kernel: matriz C×F (canales de entrada × filtros), es decir, un kernel 1×1×C×F sin las dos dimensiones de tamaño 1.
 * bias: F sesgos.
 *
 * Devuelve y de forma H×W×F con y[i][j][f] = bias[f] + Σ_c x[i][j][c]·kernel[c][f].
 * No modifiques ningún argumento.
 */
export function pointwiseConv(x: number[][][], kernel: number[][], bias: number[]): number[][][] {
  throw new Error('Sin implementar: pointwiseConv');
}
