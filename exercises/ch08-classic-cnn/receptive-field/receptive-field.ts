/**
 * Campo receptivo de una pila de convoluciones y poolings (capítulo 8).
 */

/**
 * Una capa de ventana deslizante (convolución o pooling) a lo largo de un eje espacial.
 * kernel ≥ 1, stride ≥ 1, dilation ≥ 1; nunca hay a la vez stride > 1 y dilation > 1.
 */
export interface WindowLayer {
  kernel: number;
  stride: number;
  dilation: number;
}

/**
 * Tras cada capa l (l = 0 … L−1) devuelve:
 *   rf[l]:   el campo receptivo: la extensión, en píxeles de la ENTRADA de la red (del primero
 *            al último que influyen), de lo que ve una unidad de la salida de la capa l;
 *   jump[l]: la distancia, en píxeles de la entrada, entre dos unidades vecinas de esa salida.
 * Antes de la primera capa, rf = 1 y jump = 1. Ambos arrays tienen longitud L.
 * No modifiques layers.
 */
export function receptiveField(layers: WindowLayer[]): { rf: number[]; jump: number[] } {
  throw new Error('Sin implementar: receptiveField');
}
