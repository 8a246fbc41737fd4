/** Opciones comunes: stride (por defecto, el tamaño de la ventana) y padding (por defecto 'valid'). */
export interface PoolOptions {
  stride?: number | [number, number];
  padding?: 'valid' | 'same';
}

/**
 * Max pooling 2-D (capítulo 7).
 *
 * input:    imagen H×W×C, indexada input[fila][columna][canal].
 * poolSize: ventana ph×pw; un número sirve para ambos ejes.
 * opts:     stride (por defecto igual a poolSize: ventanas sin solape) y padding 'valid' (por
 *           defecto) o 'same' (reglas de TensorFlow: salida ⌈H/sh⌉×⌈W/sw⌉, la fila/columna de
 *           relleno sobrante va abajo/a la derecha).
 *
 * Cada canal se agrega por separado: Y[i][j][c] = máximo de X en la ventana de (i, j), canal c.
 * Las posiciones de relleno no cuentan (no son ceros candidatos a máximo).
 * Devuelve un arreglo Hout×Wout×C. No modifiques los argumentos.
 */
export function maxPool2d(input: number[][][], poolSize: number | [number, number], opts?: PoolOptions): number[][][] {
  throw new Error('Sin implementar: maxPool2d');
}

/**
 * Average pooling 2-D (capítulo 7), con las mismas formas y opciones que maxPool2d.
 *
 * Y[i][j][c] = media de X en la ventana de (i, j), canal c, dividiendo por el número de
 * posiciones de la ventana que caen DENTRO de la imagen (como TensorFlow con 'same').
 * No modifiques los argumentos.
 */
export function avgPool2d(input: number[][][], poolSize: number | [number, number], opts?: PoolOptions): number[][][] {
  throw new Error('Sin implementar: avgPool2d');
}
