/**
 * Bloque residual denso: forward y backward (capítulo 6).
 *
 *   H = relu(X·W1 + b1)      (N×Hd)
 *   F = H·W2 + b2            (N×D)
 *   Y = X + F                (N×D)   ← el atajo (skip connection) es la identidad
 *
 * Formas: X es N×D (un ejemplo por fila), W1 es D×Hd (entradas×ocultas), b1 tiene Hd,
 * W2 es Hd×D, b2 tiene D. Convención: relu'(0) = 0.
 */

/** Y = X + relu(X·W1 + b1)·W2 + b2. No modifiques ningún argumento. */
export function residualForward(X: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  throw new Error('Sin implementar: residualForward');
}

/** Gradientes de una pérdida L respecto a la entrada y los parámetros, dado dY = ∂L/∂Y (N×D). */
export interface ResidualGrads {
  dX: number[][];
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/**
 * Paso hacia atrás del bloque: cada gradiente tiene la forma de su variable
 * (dX N×D, dW1 D×Hd, db1 Hd, dW2 Hd×D, db2 D); los de los sesgos suman sobre el lote.
 * No modifiques ningún argumento.
 */
export function residualBackward(
  X: number[][],
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
  dY: number[][],
): ResidualGrads {
  throw new Error('Sin implementar: residualBackward');
}
