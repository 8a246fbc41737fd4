/** Un nodo del grafo de cálculo. inputs son índices de nodos ANTERIORES de la lista. */
export type GraphNode =
  | { op: 'leaf'; value: number }
  | { op: 'add'; inputs: [number, number] }
  | { op: 'mul'; inputs: [number, number] }
  | { op: 'tanh'; inputs: [number] }
  | { op: 'exp'; inputs: [number] }
  | { op: 'relu'; inputs: [number] }
  | { op: 'pow'; inputs: [number]; exponent: number };

/**
 * Autograd en modo inverso, al estilo de micrograd (capítulo 20).
 *
 * nodes: el grafo en orden topológico (cada nodo solo usa nodos anteriores); la SALIDA es el
 *        último nodo. Un nodo puede ser entrada de varios otros.
 *
 * Devuelve value = valor de la salida y grads[i] = ∂salida/∂nodo_i para TODOS los nodos
 * (hojas e intermedios; 0 si el nodo no influye en la salida). Convención: relu'(0) = 0.
 * No modifiques nodes.
 */
export function backward(nodes: GraphNode[]): { value: number; grads: number[] } {
  throw new Error('Sin implementar: backward');
}
