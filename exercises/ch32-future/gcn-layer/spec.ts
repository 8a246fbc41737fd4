import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { gcnLayer as reference } from '../../../reference/ch32-future/gcn-layer.ts';

interface Graph {
  A: number[][];
  H: number[][];
  W: number[][];
}

/** A symmetric 0/1 adjacency with an empty diagonal, from the upper triangle. */
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

/** Graphs of 1..6 nodes (irregular degrees, isolated nodes) with F = 1..4 features and F' = 1..3 outputs. */
const graphs: fc.Arbitrary<Graph> = fc
  .record({ n: arb.dim(1, 6), f: arb.dim(1, 4), g: arb.dim(1, 3) })
  .chain(({ n, f, g }) => fc.record({ A: adjacency(n), H: arb.matrix(n, f, arb.num(2)), W: arb.matrix(f, g, arb.num(2)) }));

/** The reference tolerance, for invariant properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-5, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: graphs,
    examples: {
      // node 2 is isolated: d̃ = 1 and its row is ReLU(h₂·W)
      'isolated-node': { A: [[0, 1, 0], [1, 0, 0], [0, 0, 0]], H: [[1, -0.5], [0.5, 2], [-1, 1]], W: [[1, 0.5], [-0.5, 1]] },
    },
    async check({ A, H, W }, ctx) {
      const received = await ctx.call('gcnLayer', A, H, W);
      ctx.expectClose(reference(A, H, W), received);
    },
  }),

  'isolated-node-sees-itself': property({
    arbitrary: graphs.chain((g) => fc.record({ g: fc.constant(g), i: fc.integer({ min: 0, max: g.A.length - 1 }) })),
    async check({ g: { A, H, W }, i }, ctx) {
      // cut every edge of node i: Ã_ii = 1, d̃_i = 1, so its row is ReLU(h_i W)
      const cut = A.map((row, r) => row.map((a, c) => (r === i || c === i ? 0 : a)));
      const received = await ctx.call('gcnLayer', cut, H, W);
      const own = W[0]!.map((_, k) => Math.max(0, H[i]!.reduce((s, h, f) => s + h * W[f]![k]!, 0)));
      const row = Array.isArray(received) ? (received as unknown[])[i] : undefined;
      ctx.expectClose(own, row, {
        what: {
          es: `El nodo ${i} está aislado: con el autobucle su grado es 1 y su fila debe ser ReLU(h_${i}·W); fila ${i}`,
          en: `Node ${i} is isolated: with the self-loop its degree is 1 and its row must be ReLU(h_${i}·W); row ${i}`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: graphs,
    async check({ A, H, W }, ctx) {
      const { value, mutated } = await ctx.callTracked('gcnLayer', A, H, W);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['A', 'H', 'W'][i] ?? `#${i}`).join(', ');
        fail({ es: `gcnLayer modificó su argumento ${names} (¿añadiste los autobucles a A en su sitio?).`, en: `gcnLayer modified its argument ${names} (did you add the self-loops to A in place?).` });
      }
      ctx.expectClose(reference(A, H, W), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'permutation-equivariant': property({
    arbitrary: graphs.chain((g) => fc.record({ g: fc.constant(g), perm: fc.shuffledSubarray([...g.A.keys()], { minLength: g.A.length, maxLength: g.A.length }) })),
    async check({ g: { A, H, W }, perm }, ctx) {
      // new node k is old node perm[k]
      const PA = perm.map((i) => perm.map((j) => A[i]![j]!));
      const PH = perm.map((i) => H[i]!);
      const base = await ctx.call('gcnLayer', A, H, W);
      const permuted = await ctx.call('gcnLayer', PA, PH, W);
      const expected = Array.isArray(base) ? perm.map((i) => (base as unknown[])[i]) : base;
      ctx.expectClose(expected, permuted, {
        what: {
          es: `Renumerar los nodos (orden ${perm.join(', ')}) solo debe renumerar las filas de la salida`,
          en: `Renumbering the nodes (order ${perm.join(', ')}) must only renumber the output rows`,
        },
      });
      ctx.expectClose(reference(A, H, W), base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
