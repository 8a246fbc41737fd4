/** El MLP de la capa: ReLU(x·W1 + b1)·W2 + b2, con W1 de forma F×D y W2 de forma D×F'. */
export interface GinMlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/**
 * Capa GIN (Graph Isomorphism Network, capítulo 32).
 *
 * A:       n×n, adyacencia simétrica de 0 y 1 con la diagonal a cero.
 * H:       n×F, características de los nodos.
 * epsilon: ε, peso extra del propio nodo.
 * mlp:     los pesos del MLP que se aplica a cada nodo.
 *
 * Devuelve n×F' con h'_v = MLP((1 + ε)·h_v + Σ_{u ∈ N(v)} h_u): la agregación es una SUMA.
 * No modifiques ningún argumento.
 */
export function ginLayer(A: number[][], H: number[][], epsilon: number, mlp: GinMlp): number[][] {
  throw new Error('Sin implementar: ginLayer');
}
