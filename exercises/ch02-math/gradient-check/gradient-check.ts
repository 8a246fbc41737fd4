/**
 * Comprobación de gradientes con diferencias centrales (capítulo 2).
 *
 * La función de todo el ejercicio es una capa con tanh: F(x) = tanh(W·x),
 * con W de forma m×n (m salidas, n entradas) y x de longitud n.
 * Su jacobiano J es m×n: J[i][j] = ∂F_i/∂x_j.
 */

/** F(x) = tanh(W·x), un vector de longitud m. No modifiques W ni x. */
export function tanhLayer(W: number[][], x: number[]): number[] {
  throw new Error('Sin implementar: tanhLayer');
}

/**
 * Jacobiano analítico de F en x (m×n), obtenido con la regla de la cadena.
 * No modifiques W ni x.
 */
export function analyticJacobian(W: number[][], x: number[]): number[][] {
  throw new Error('Sin implementar: analyticJacobian');
}

/**
 * Jacobiano numérico por diferencias CENTRALES con paso h (m×n):
 *   J[i][j] ≈ (F_i(x + h·e_j) − F_i(x − h·e_j)) / (2h)
 * donde e_j es el j-ésimo vector de la base canónica.
 * No modifiques W ni x (tampoco "temporalmente" sin restaurarlos).
 */
export function numericalJacobian(W: number[][], x: number[], h: number): number[][] {
  throw new Error('Sin implementar: numericalJacobian');
}

/**
 * Error relativo entre dos matrices de la misma forma:
 *   ‖A − B‖_F / (‖A‖_F + ‖B‖_F),   y 0 si ambas son nulas.
 * No modifiques A ni B.
 */
export function relativeError(A: number[][], B: number[][]): number {
  throw new Error('Sin implementar: relativeError');
}
