/**
 * Convolución 2-D de una imagen con varios canales (capítulo 7).
 *
 * input:  imagen H×W×Cin, indexada input[fila][columna][canal].
 * kernel: filtros kh×kw×Cin×Cout, indexados kernel[u][v][canalEntrada][canalSalida].
 * opts.stride:  paso vertical y horizontal; un número sirve para ambos (por defecto 1).
 * opts.padding: 'valid' (sin relleno, por defecto) o 'same' (relleno de ceros al estilo de
 *               TensorFlow: salida de ceil(H/stride) × ceil(W/stride); si el relleno total es impar,
 *               la fila/columna de más va abajo/a la derecha).
 *
 * Calcula la correlación cruzada (sin voltear el kernel), como todos los frameworks:
 *   Y[i][j][o] = Σ_u Σ_v Σ_c Xpad[i·sh + u][j·sw + v][c] · K[u][v][c][o]
 * y devuelve un arreglo Hout×Wout×Cout. No modifiques input, kernel ni opts.
 */
export function conv2d(
  input: number[][][],
  kernel: number[][][][],
  opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' },
): number[][][] {
  throw new Error('Sin implementar: conv2d');
}
