/**
 * Capa de convolución en grafos (GCN de Kipf y Welling, capítulo 32).
 *
 * A: n×n, matriz de adyacencia simétrica con 0 y 1 y ceros en la diagonal (sin autobucles).
 * H: n×F, las características de cada nodo (fila i = nodo i).
 * W: F×F', la matriz de pesos de la capa.
 *
 * Devuelve H' = ReLU(D̃^{-1/2} Ã D̃^{-1/2} H W), de forma n×F', donde Ã = A + I y D̃ es la
 * matriz diagonal de grados de Ã (D̃_ii = Σ_j Ã_ij). No modifiques A, H ni W.
 */
export function gcnLayer(A: number[][], H: number[][], W: number[][]): number[][] {
  throw new Error('Sin implementar: gcnLayer');
}
