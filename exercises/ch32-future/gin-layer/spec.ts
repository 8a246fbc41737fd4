import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { ginLayer as reference, type GinMlp } from '../../../reference/ch32-future/gin-layer.ts';

interface Case {
  A: number[][];
  H: number[][];
  epsilon: number;
  mlp: GinMlp;
}

function adjacency(n: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.integer({ min: 0, max: 1 }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((bits) => {
    const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        A[i]![j] = bits[k]!;
        A[j]![i] = bits[k]!;
        k++;
      }
    }
    return A;
  });
}

const epsilons = fc.constantFrom(0, 0.5, -0.5, 1, 0.125);

/** Graphs of 1..6 nodes, F = 1..3 features, hidden D = 1..4, F' = 1..3. */
const cases: fc.Arbitrary<Case> = fc
  .record({ n: arb.dim(1, 6), f: arb.dim(1, 3), d: arb.dim(1, 4), g: arb.dim(1, 3) })
  .chain(({ n, f, d, g }) =>
    fc.record({
      A: adjacency(n),
      H: arb.matrix(n, f, arb.num(2)),
      epsilon: epsilons,
      mlp: fc.record({ W1: arb.matrix(f, d, arb.num(1)), b1: arb.vector(d, arb.num(1)), W2: arb.matrix(d, g, arb.num(1)), b2: arb.vector(g, arb.num(1)) }),
    }),
  );

const TOL = { atol: 1e-5, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases,
    examples: {
      // node 2 has no neighbours: its sum is only (1 + ε)·h_2 (a mean over no neighbours would be 0/0)
      'isolated-node': {
        A: [[0, 1, 0, 1], [1, 0, 0, 1], [0, 0, 0, 0], [1, 1, 0, 0]],
        H: [[1, -0.5], [0.25, 2], [-1.5, 1], [0.5, 0]],
        epsilon: 0.5,
        mlp: { W1: [[1, -0.5, 0.25], [0.5, 1, -1]], b1: [0.25, -0.5, 0.5], W2: [[1, -1], [0.5, 0.25], [-0.75, 1]], b2: [0.1, -0.2] },
      },
      // a graph of one node: no edges at all
      'single-node': { A: [[0]], H: [[0.75, -1.25]], epsilon: -0.5, mlp: { W1: [[1], [-1]], b1: [0.5], W2: [[2, -1]], b2: [0, 0.5] } },
    },
    async check({ A, H, epsilon, mlp }, ctx) {
      const received = await ctx.call('ginLayer', A, H, epsilon, mlp);
      ctx.expectClose(reference(A, H, epsilon, mlp), received);
    },
  }),

  'sum-counts-neighbours': property({
    arbitrary: fc.record({
      f: arb.dim(1, 3),
      leaves: arb.dim(1, 5),
      epsilon: epsilons,
    }).chain(({ f, leaves, epsilon }) => fc.record({ centre: arb.vector(f, arb.prob()), leaf: arb.vector(f, arb.prob()), leaves: fc.constant(leaves), epsilon: fc.constant(epsilon) })),
    async check({ centre, leaf, leaves, epsilon }, ctx) {
      // a star: node 0 joined to `leaves` identical leaves; identity MLP (features ≥ 0, so the ReLU is inert)
      const n = leaves + 1;
      const f = centre.length;
      const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i === 0) !== (j === 0) ? 1 : 0)));
      const H = [centre, ...Array.from({ length: leaves }, () => leaf.slice())];
      const identity = Array.from({ length: f }, (_, i) => Array.from({ length: f }, (_, j) => (i === j ? 1 : 0)));
      const mlp = { W1: identity, b1: new Array<number>(f).fill(0), W2: identity, b2: new Array<number>(f).fill(0) };
      const received = await ctx.call('ginLayer', A, H, epsilon, mlp);
      const row = Array.isArray(received) ? (received as unknown[])[0] : undefined;
      const expected = centre.map((c, k) => (1 + epsilon) * c + leaves * leaf[k]!);
      ctx.expectClose(expected, row, {
        what: {
          es: `Con un MLP identidad, el centro de una estrella con ${leaves} hojas iguales debe valer (1 + ε)·h_0 + ${leaves}·h_hoja (una media o un máximo no distinguirían cuántas hojas hay); fila 0`,
          en: `With an identity MLP, the centre of a star with ${leaves} identical leaves must be (1 + ε)·h_0 + ${leaves}·h_leaf (a mean or a max could not tell how many leaves there are); row 0`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    examples: {
      'isolated-node': {
        A: [[0, 1, 0, 1], [1, 0, 0, 1], [0, 0, 0, 0], [1, 1, 0, 0]],
        H: [[1, -0.5], [0.25, 2], [-1.5, 1], [0.5, 0]],
        epsilon: 0.5,
        mlp: { W1: [[1, -0.5, 0.25], [0.5, 1, -1]], b1: [0.25, -0.5, 0.5], W2: [[1, -1], [0.5, 0.25], [-0.75, 1]], b2: [0.1, -0.2] },
      },
    },
    async check({ A, H, epsilon, mlp }, ctx) {
      const { value, mutated } = await ctx.callTracked('ginLayer', A, H, epsilon, mlp);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['A', 'H', 'epsilon', 'mlp'][i] ?? `#${i}`).join(', ');
        fail({ es: `ginLayer modificó su argumento ${names}.`, en: `ginLayer modified its argument ${names}.` });
      }
      ctx.expectClose(reference(A, H, epsilon, mlp), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'permutation-equivariant': property({
    arbitrary: cases.chain((c) => fc.record({ c: fc.constant(c), perm: fc.shuffledSubarray([...c.A.keys()], { minLength: c.A.length, maxLength: c.A.length }) })),
    async check({ c: { A, H, epsilon, mlp }, perm }, ctx) {
      const base = await ctx.call('ginLayer', A, H, epsilon, mlp);
      const moved = await ctx.call('ginLayer', perm.map((i) => perm.map((j) => A[i]![j]!)), perm.map((i) => H[i]!), epsilon, mlp);
      const expected = Array.isArray(base) ? perm.map((i) => (base as unknown[])[i]) : base;
      ctx.expectClose(expected, moved, {
        what: {
          es: `Renumerar los nodos (orden ${perm.join(', ')}) solo debe renumerar las filas de la salida`,
          en: `Renumbering the nodes (order ${perm.join(', ')}) must only renumber the output rows`,
        },
      });
      ctx.expectClose(reference(A, H, epsilon, mlp), base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
