/**
 * Convolución separable en profundidad (capítulo 7): MobileNet, Xception.
 *
 * input: imagen H×W×C, indexada input[fila][columna][canal]. opts: stride y padding como en conv2d
 * ('valid' por defecto; 'same' al estilo de TensorFlow, la fila/columna de relleno de más va abajo/a
 * la derecha).
 */
type Options = { stride?: number | [number, number]; padding?: 'valid' | 'same' };

/**
 * Convolución en profundidad: kernel es kh×kw×C×M (M = multiplicador de canal); cada canal c se filtra
 * por separado con kernel[·][·][c][m] y el resultado va al canal de salida c·M + m. Devuelve
 * Hout×Wout×(C·M). No modifiques los argumentos.
 */
export function depthwiseConv2d(input: number[][][], kernel: number[][][][], opts?: Options): number[][][] {
  throw new Error('Sin implementar: depthwiseConv2d');
}

/**
 * Convolución separable: depthwiseConv2d con depthwiseKernel y luego una convolución 1×1 con
 * pointwiseKernel (1×1×(C·M)×Cout). Devuelve Hout×Wout×Cout. No modifiques los argumentos.
 */
export function separableConv2d(input: number[][][], depthwiseKernel: number[][][][], pointwiseKernel: number[][][][], opts?: Options): number[][][] {
  throw new Error('Sin implementar: separableConv2d');
}

/**
 * Multiplicaciones de una convolución separable (multiplicador 1) divididas entre las de una
 * convolución normal k×k de cin a cout canales, por posición de salida.
 */
export function costRatio(k: number, cin: number, cout: number): number {
  throw new Error('Sin implementar: costRatio');
}
