/**
 * Retropropagación de la convolución 2-D (capítulo 7).
 *
 * Mismas convenciones que conv2d:
 *   input:  imagen H×W×Cin, input[fila][columna][canal].
 *   kernel: filtros kh×kw×Cin×Cout, kernel[u][v][canalEntrada][canalSalida].
 *   opts.stride: un número o [sh, sw] (por defecto 1); opts.padding: 'valid' (por defecto) o 'same'
 *   (relleno de TensorFlow: la fila/columna de más, si la hay, va abajo/a la derecha).
 * dY: gradiente de la pérdida respecto a la salida Y = conv2d(input, kernel, opts), Hout×Wout×Cout.
 *
 * Devuelve dInput (H×W×Cin, el gradiente respecto a input) y dKernel (kh×kw×Cin×Cout, respecto a
 * kernel). Los ceros del relleno no son entradas: no reciben gradiente. No modifiques los argumentos.
 */
export function conv2dBackward(
  input: number[][][],
  kernel: number[][][][],
  dY: number[][][],
  opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' },
): { dInput: number[][][]; dKernel: number[][][][] } {
  throw new Error('Sin implementar: conv2dBackward');
}
