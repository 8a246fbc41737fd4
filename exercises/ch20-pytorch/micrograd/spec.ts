import fc from 'fast-check';
import { arb, defineSpec, fail, formatValue, property } from '../../../grader/spec/index.ts';
import { backward as reference, type GraphNode } from '../../../reference/ch20-pytorch/micrograd.ts';

type Op = GraphNode['op'];
const UNARY: Op[] = ['tanh', 'exp', 'relu', 'pow'];

/** Forward pass in float64, only to keep generated graphs in a range where float32 is accurate. */
function forward(nodes: GraphNode[]): number[] {
  const v: number[] = [];
  for (const n of nodes) {
    if (n.op === 'leaf') v.push(n.value);
    else {
      const a = v[n.inputs[0]]!;
      const b = n.inputs.length === 2 ? v[n.inputs[1]]! : 0;
      v.push({ add: a + b, mul: a * b, tanh: Math.tanh(a), exp: Math.exp(a), relu: Math.max(0, a), pow: n.op === 'pow' ? a ** n.exponent : 0 }[n.op]);
    }
  }
  return v;
}

/** One operation node choosing its inputs among the first `count` nodes, preferring the latest ones. */
function opNode(count: number, ops: Op[]): fc.Arbitrary<GraphNode> {
  const pick = fc.oneof({ arbitrary: fc.constant(count - 1), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: count - 1 }), weight: 3 });
  return fc.record({ op: fc.constantFrom(...ops), a: pick, b: pick, exponent: fc.constantFrom(2, 3) }).map(({ op, a, b, exponent }): GraphNode => {
    if (op === 'add' || op === 'mul') return { op, inputs: [a, b] };
    if (op === 'pow') return { op, inputs: [a], exponent };
    return { op: op as 'tanh' | 'exp' | 'relu', inputs: [a] };
  });
}

/** A random expression graph: 1–3 leaves on a grid of eighths, then 1–7 operations; nodes are often reused. */
function graph(ops: Op[]): fc.Arbitrary<GraphNode[]> {
  return fc
    .record({ leaves: fc.array(arb.num(1.5), { minLength: 1, maxLength: 3 }), steps: fc.integer({ min: 1, max: 7 }) })
    .chain(({ leaves, steps }) => {
      let arb0: fc.Arbitrary<GraphNode[]> = fc.constant(leaves.map((value): GraphNode => ({ op: 'leaf', value })));
      for (let s = 0; s < steps; s++) arb0 = arb0.chain((nodes) => opNode(nodes.length, ops).map((n) => [...nodes, n]));
      return arb0;
    })
    .filter((nodes) => forward(nodes).every((v) => Math.abs(v) < 30));
}

const ALL: Op[] = ['add', 'mul', 'tanh', 'exp', 'relu', 'pow'];

const asResult = (value: unknown): { value: number; grads: number[] } => {
  const v = value as { value: number; grads: number[] };
  if (!v || typeof v.value !== 'number' || !Array.isArray(v.grads)) fail({ es: 'backward debe devolver { value, grads }.', en: 'backward must return { value, grads }.' });
  return v;
};

export default defineSpec({
  'matches-reference': property({
    arbitrary: graph(ALL),
    examples: {
      // x·x as one mul with the same input twice (both contributions add up), and a leaf the output never uses (gradient 0)
      'same-node-twice-and-unused': [
        { op: 'leaf', value: 1.5 },
        { op: 'leaf', value: -2 },
        { op: 'mul', inputs: [0, 0] },
        { op: 'add', inputs: [2, 2] },
      ] as GraphNode[],
    },
    async check(nodes, ctx) {
      const received = await ctx.call('backward', nodes);
      ctx.expectClose(reference(nodes), received, { what: { es: 'backward', en: 'backward' } });
    },
  }),

  'shared-node-accumulates': property({
    arbitrary: fc.record({
      x: arb.num(1),
      y: arb.num(1),
      join: fc.constantFrom('add' as const, 'mul' as const),
      left: fc.constantFrom(...UNARY),
      right: fc.constantFrom(...UNARY),
    }),
    async check({ x, y, join, left, right }, ctx) {
      // h = join(x, y) feeds two branches: ∂out/∂h must add up what comes back through both
      const unary = (op: Op, input: number): GraphNode => (op === 'pow' ? { op: 'pow', inputs: [input], exponent: 2 } : { op: op as 'tanh' | 'exp' | 'relu', inputs: [input] });
      const nodes: GraphNode[] = [{ op: 'leaf', value: x }, { op: 'leaf', value: y }, { op: join, inputs: [0, 1] }, unary(left, 2), unary(right, 2), { op: 'mul', inputs: [3, 4] }, { op: 'mul', inputs: [0, 0] }, { op: 'add', inputs: [5, 6] }];
      const received = await ctx.call('backward', nodes);
      ctx.expectClose(reference(nodes), received, {
        what: {
          es: `En out = ${left}(h)·${right}(h) + x·x con h = ${join}(x, y) (h y x se usan dos veces)`,
          en: `In out = ${left}(h)·${right}(h) + x·x with h = ${join}(x, y) (h and x are used twice)`,
        },
      });
    },
  }),

  'agrees-with-finite-differences': property({
    arbitrary: graph(['add', 'mul', 'tanh', 'exp', 'pow']),
    async check(nodes, ctx) {
      const { grads } = asResult(await ctx.call('backward', nodes));
      const h = 1e-5;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node.op !== 'leaf') continue;
        const shifted = (delta: number) => nodes.map((n, j) => (j === i ? { op: 'leaf' as const, value: node.value + delta } : n));
        const plus = asResult(await ctx.call('backward', shifted(h))).value;
        const minus = asResult(await ctx.call('backward', shifted(-h))).value;
        const numeric = (plus - minus) / (2 * h);
        const g = grads[i] as unknown as number;
        if (!(Math.abs(numeric - g) <= 1e-4 + 1e-3 * Math.abs(numeric))) {
          fail({
            es: `Para la hoja ${i}, tu gradiente es ${formatValue(g)} pero (f(x + h) − f(x − h))/2h con tu propio value da ${numeric}: el backward no es la derivada de tu forward.`,
            en: `For leaf ${i}, your gradient is ${formatValue(g)} but (f(x + h) − f(x − h))/2h with your own value gives ${numeric}: your backward is not the derivative of your forward.`,
          });
        }
      }
    },
  }),

  'no-mutation': property({
    arbitrary: graph(ALL),
    async check(nodes, ctx) {
      const { mutated } = await ctx.callTracked('backward', nodes);
      if (mutated.length > 0) fail({ es: 'backward modificó nodes (¿guardaste value o grad dentro de los nodos?).', en: 'backward modified nodes (did you store value or grad inside the nodes?).' });
    },
  }),
});
