/**
 * Autograd con broadcasting (capítulo 20, §20.1).
 *
 * Un tensor es un número o un arreglo anidado de números (aquí, de rango 1 a 3). Broadcasting como
 * en NumPy y PyTorch: las formas se alinean por la derecha y, eje a eje, los tamaños son iguales o
 * uno de ellos es 1 (un eje que falta a la izquierda cuenta como 1). Las formas que recibas
 * siempre son compatibles.
 */
export type Tensor = number | Tensor[];
export type Op = 'add' | 'sub' | 'mul' | 'div';

/** La forma del resultado de operar tensores de formas a y b; p. ej. [3, 1] y [2, 1, 4] → [2, 3, 4]. */
export function broadcastShape(a: number[], b: number[]): number[] {
  throw new Error('Sin implementar: broadcastShape');
}

/**
 * El gradiente de un operando de forma `shape` que se expandió por broadcasting a la forma de grad:
 * suma grad sobre los ejes añadidos a la izquierda y sobre los ejes donde shape tiene tamaño 1,
 * y devuelve un tensor de forma exactamente `shape` (conservando esos ejes de tamaño 1).
 */
export function unbroadcast(grad: Tensor, shape: number[]): Tensor {
  throw new Error('Sin implementar: unbroadcast');
}

/**
 * Los gradientes dA y dB de out = a op b (elemento a elemento con broadcasting), dado dOut, el
 * gradiente respecto a out (de la forma de out). dA tiene la forma de a y dB la de b.
 * No modifiques los argumentos.
 */
export function broadcastBackward(op: Op, a: Tensor, b: Tensor, dOut: Tensor): { dA: Tensor; dB: Tensor } {
  throw new Error('Sin implementar: broadcastBackward');
}
