import * as tf from '@tensorflow/tfjs';

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
 * Builds the expression with tfjs ops, adding a zero "probe" e_i to every node (v_i = op(…) + e_i):
 * ∂out/∂e_i is then ∂out/∂v_i, so tf.valueAndGrads over the probes gives the gradient at every node.
 */
export function backward(nodes: GraphNode[]): { value: number; grads: number[] } {
  let result = { value: NaN, grads: [] as number[] };
  tf.tidy(() => {
    const f = (...probes: tf.Tensor[]): tf.Scalar => {
      const v: tf.Tensor[] = [];
      nodes.forEach((node, i) => {
        let out: tf.Tensor;
        if (node.op === 'leaf') out = tf.scalar(node.value);
        else {
          const a = v[node.inputs[0]]!;
          if (node.op === 'add') out = tf.add(a, v[node.inputs[1]]!);
          else if (node.op === 'mul') out = tf.mul(a, v[node.inputs[1]]!);
          else if (node.op === 'tanh') out = tf.tanh(a);
          else if (node.op === 'exp') out = tf.exp(a);
          else if (node.op === 'relu') out = tf.relu(a);
          else out = tf.pow(a, tf.scalar(node.exponent));
        }
        v.push(out.add(probes[i]!));
      });
      // + 0·Σ e_i: every probe reaches the output, so nodes that do not influence it get a 0 gradient instead of an error
      return v[v.length - 1]!.add(tf.addN(probes).mul(0)) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(f)(nodes.map(() => tf.scalar(0)));
    result = { value: value.dataSync()[0]!, grads: Array.from(tf.stack(grads).dataSync()) };
  });
  return result;
}
