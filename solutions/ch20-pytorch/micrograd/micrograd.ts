/** Un nodo del grafo de cálculo. inputs son índices de nodos ANTERIORES de la lista. */
export type GraphNode =
  | { op: 'leaf'; value: number }
  | { op: 'add'; inputs: [number, number] }
  | { op: 'mul'; inputs: [number, number] }
  | { op: 'tanh'; inputs: [number] }
  | { op: 'exp'; inputs: [number] }
  | { op: 'relu'; inputs: [number] }
  | { op: 'pow'; inputs: [number]; exponent: number };

export function backward(nodes: GraphNode[]): { value: number; grads: number[] } {
  // forward: every node's value, in order
  const values: number[] = [];
  for (const node of nodes) {
    if (node.op === 'leaf') {
      values.push(node.value);
      continue;
    }
    const a = values[node.inputs[0]]!;
    const b = node.inputs.length === 2 ? values[node.inputs[1]]! : 0;
    switch (node.op) {
      case 'add': values.push(a + b); break;
      case 'mul': values.push(a * b); break;
      case 'tanh': values.push(Math.tanh(a)); break;
      case 'exp': values.push(Math.exp(a)); break;
      case 'relu': values.push(Math.max(0, a)); break;
      case 'pow': values.push(a ** node.exponent); break;
    }
  }

  // backward: walk the nodes in reverse, each one pushes its gradient into its inputs (+=, a node can feed several)
  const grads = nodes.map(() => 0);
  grads[nodes.length - 1] = 1;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.op === 'leaf') continue;
    const g = grads[i]!;
    const out = values[i]!;
    const [ia, ib] = node.inputs;
    const a = values[ia]!;
    switch (node.op) {
      case 'add':
        grads[ia]! += g;
        grads[ib!]! += g;
        break;
      case 'mul':
        grads[ia]! += g * values[ib!]!;
        grads[ib!]! += g * a;
        break;
      case 'tanh': grads[ia]! += g * (1 - out * out); break;
      case 'exp': grads[ia]! += g * out; break;
      case 'relu': grads[ia]! += g * (a > 0 ? 1 : 0); break;
      case 'pow': grads[ia]! += g * node.exponent * a ** (node.exponent - 1); break;
    }
  }
  return { value: values[nodes.length - 1]!, grads };
}
