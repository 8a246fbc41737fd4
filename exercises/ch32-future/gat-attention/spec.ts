import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { gatAttention as reference } from '../../../reference/ch32-future/gat-attention.ts';

interface Graph {
  A: number[][];
  H: number[][];
  W: number[][];
  a: number[];
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

/** Graphs of 1..6 nodes (isolated nodes included), F = 1..3, F' = 1..3. */
const graphs: fc.Arbitrary<Graph> = fc
  .record({ n: arb.dim(1, 6), f: arb.dim(1, 3), g: arb.dim(1, 3) })
  .chain(({ n, f, g }) =>
    fc.record({ A: adjacency(n), H: arb.matrix(n, f, arb.num(2)), W: arb.matrix(f, g, arb.num(1)), a: arb.vector(2 * g, arb.num(1)) }),
  );

function field(received: unknown, name: string): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)[name] : undefined;
}

/** A complete graph of 3 nodes whose scores e_ij = LeakyReLU(z_j0) are 800, 799 and 0 in every row. */
const LARGE_SCORES: Graph = { A: [[0, 1, 1], [1, 0, 1], [1, 1, 0]], H: [[800, 1], [799, -1], [0, 2]], W: [[1, 0], [0, 1]], a: [0, 0, 1, 0] };

/** The reference tolerance, for properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-5, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'alpha-matches-reference': property({
    arbitrary: graphs,
    examples: {
      // node 2 is isolated: it attends only to itself (α = 1)
      'isolated-node': { A: [[0, 1, 0], [1, 0, 0], [0, 0, 0]], H: [[1, -0.5], [0.5, 2], [-1, 1]], W: [[1, 0.5], [-0.5, 1]], a: [0.5, -1, 1, 0.25] },
      // e_ij = z_j0 = 800, 799, 0 in every row: exp(800) overflows unless the row's maximum is subtracted first
      'large-scores': LARGE_SCORES,
    },
    async check({ A, H, W, a }, ctx) {
      const received = await ctx.call('gatAttention', A, H, W, a);
      ctx.expectClose(reference(A, H, W, a).alpha, field(received, 'alpha'), { what: { es: 'alpha', en: 'alpha' } });
    },
  }),

  'output-matches-reference': property({
    arbitrary: graphs,
    examples: {
      'isolated-node': { A: [[0, 1, 0], [1, 0, 0], [0, 0, 0]], H: [[1, -0.5], [0.5, 2], [-1, 1]], W: [[1, 0.5], [-0.5, 1]], a: [0.5, -1, 1, 0.25] },
      // e_ij = z_j0 = 800, 799, 0 in every row: exp(800) overflows unless the row's maximum is subtracted first
      'large-scores': LARGE_SCORES,
    },
    async check({ A, H, W, a }, ctx) {
      const received = await ctx.call('gatAttention', A, H, W, a);
      ctx.expectClose(reference(A, H, W, a).output, field(received, 'output'), { what: { es: 'output', en: 'output' } });
    },
  }),

  'attention-is-distribution': property({
    arbitrary: graphs,
    async check({ A, H, W, a }, ctx) {
      const alpha = field(await ctx.call('gatAttention', A, H, W, a), 'alpha');
      if (!Array.isArray(alpha) || alpha.length !== A.length) {
        fail({ es: `alpha debe ser una matriz ${A.length}×${A.length}.`, en: `alpha must be a ${A.length}×${A.length} matrix.` }, { received: alpha });
      }
      (alpha as unknown[]).forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== A.length || !row.every((v) => typeof v === 'number')) {
          fail({ es: `La fila ${i} de alpha debe tener ${A.length} números.`, en: `Row ${i} of alpha must have ${A.length} numbers.` }, { received: row });
        }
        const r = row as number[];
        const outside = r.findIndex((v, j) => j !== i && A[i]![j] === 0 && v !== 0);
        if (outside >= 0) {
          fail(
            { es: `alpha[${i}][${outside}] = ${r[outside]}, pero ${outside} no es vecino de ${i}: la atención solo se reparte entre los vecinos y el propio nodo.`, en: `alpha[${i}][${outside}] = ${r[outside]}, but ${outside} is not a neighbour of ${i}: attention is only shared among the neighbours and the node itself.` },
            { expected: 0, received: r[outside] },
          );
        }
        const negative = r.findIndex((v) => !(v >= 0));
        const sum = r.reduce((s, v) => s + v, 0);
        if (negative >= 0 || !(Math.abs(sum - 1) <= 1e-9)) {
          fail(
            { es: `La fila ${i} de alpha debe ser una distribución (≥ 0 y suma 1); suma ${sum}.`, en: `Row ${i} of alpha must be a distribution (≥ 0, adding up to 1); it adds up to ${sum}.` },
            { expected: 1, received: sum },
          );
        }
      });
      ctx.expectClose(reference(A, H, W, a).alpha, alpha, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'no-mutation': property({
    arbitrary: graphs,
    async check({ A, H, W, a }, ctx) {
      const { value, mutated } = await ctx.callTracked('gatAttention', A, H, W, a);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['A', 'H', 'W', 'a'][i] ?? `#${i}`).join(', ');
        fail({ es: `gatAttention modificó su argumento ${names}.`, en: `gatAttention modified its argument ${names}.` });
      }
      ctx.expectClose(reference(A, H, W, a), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'permutation-equivariant': property({
    arbitrary: graphs.chain((g) => fc.record({ g: fc.constant(g), perm: fc.shuffledSubarray([...g.A.keys()], { minLength: g.A.length, maxLength: g.A.length }) })),
    async check({ g: { A, H, W, a }, perm }, ctx) {
      const base = field(await ctx.call('gatAttention', A, H, W, a), 'alpha');
      const moved = field(await ctx.call('gatAttention', perm.map((i) => perm.map((j) => A[i]![j]!)), perm.map((i) => H[i]!), W, a), 'alpha');
      const expected = Array.isArray(base) ? perm.map((i) => perm.map((j) => ((base as unknown[][])[i] ?? [])[j])) : base;
      ctx.expectClose(expected, moved, {
        what: {
          es: `Renumerar los nodos (orden ${perm.join(', ')}) solo debe renumerar filas y columnas de alpha`,
          en: `Renumbering the nodes (order ${perm.join(', ')}) must only renumber alpha's rows and columns`,
        },
      });
      ctx.expectClose(reference(A, H, W, a).alpha, base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
