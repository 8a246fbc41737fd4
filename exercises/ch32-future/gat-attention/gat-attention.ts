export interface GatResult {
  /** n×n, coeficientes de atención α_ij (0 si j no es vecino de i ni el propio i) */
  alpha: number[][];
  /** n×F', h'_i = Σ_j α_ij · (h_j W) */
  output: number[][];
}

/**
 * Coeficientes de atención de una capa GAT de una cabeza (capítulo 32).
 *
 * A: n×n, adyacencia simétrica de 0 y 1 con la diagonal a cero.
 * H: n×F, características de los nodos.
 * W: F×F', transformación lineal compartida.
 * a: vector de atención de 2F' elementos: a = [a_l ; a_r] (primera mitad para el nodo i, segunda para j).
 *
 * z_i = h_i W;  e_ij = LeakyReLU(a_l·z_i + a_r·z_j) con pendiente negativa 0.2;
 * α_ij = softmax de e_ij sobre j ∈ N(i) ∪ {i} (el propio nodo incluido); h'_i = Σ_j α_ij z_j (sin no linealidad).
 * No modifiques ningún argumento.
 */
export function gatAttention(A: number[][], H: number[][], W: number[][], a: number[]): GatResult {
  throw new Error('Sin implementar: gatAttention');
}
