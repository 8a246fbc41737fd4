import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { multiHeadAttention as reference } from '../../../reference/ch13-attention-transformers/multi-head-attention.ts';

const problems = fc.record({ n: arb.dim(1, 4), heads: arb.dim(1, 3), dh: arb.dim(1, 3) }).chain(({ n, heads, dh }) => {
  const d = heads * dh;
  return fc.record({
    X: arb.matrix(n, d, arb.num(2)),
    Wq: arb.matrix(d, d, arb.numIn(-1, 1)),
    Wk: arb.matrix(d, d, arb.numIn(-1, 1)),
    Wv: arb.matrix(d, d, arb.numIn(-1, 1)),
    Wo: arb.matrix(d, d, arb.numIn(-1, 1)),
    heads: fc.constant(heads),
    order: fc.shuffledSubarray(Array.from({ length: heads }, (_, j) => j), { minLength: heads, maxLength: heads }),
  });
});

export default defineSpec({
  'matches-reference': property({
    arbitrary: problems,
    examples: {
      // scores of ±1600 per head: a softmax without the max shift overflows exp (Infinity/Infinity = NaN)
      'large-scores': { X: [[40, -30], [-40, 30], [35, 35]], Wq: [[1, 0], [0, 1]], Wk: [[1, 0], [0, 1]], Wv: [[1, 0], [0, 1]], Wo: [[1, 0], [0, 1]], heads: 2, order: [1, 0] },
    },
    async check({ X, Wq, Wk, Wv, Wo, heads }, ctx) {
      const received = await ctx.call('multiHeadAttention', X, Wq, Wk, Wv, Wo, heads);
      ctx.expectClose(reference(X, Wq, Wk, Wv, Wo, heads), received);
    },
  }),

  'head-permutation': property({
    arbitrary: problems.filter(({ heads, order }) => heads >= 2 && order.some((j, k) => j !== k)),
    async check({ X, Wq, Wk, Wv, Wo, heads, order }, ctx) {
      // relabel the heads: new head k is old head order[k] (columns of Wq/Wk/Wv, rows of Wo move together)
      const d = Wq.length;
      const dh = d / heads;
      const source = (c: number) => order[Math.floor(c / dh)]! * dh + (c % dh);
      const cols = (w: number[][]) => w.map((row) => row.map((_, c) => row[source(c)]!));
      const rows = Wo.map((_, r) => Wo[source(r)]!.slice());
      const original = await ctx.call('multiHeadAttention', X, Wq, Wk, Wv, Wo, heads);
      const relabelled = await ctx.call('multiHeadAttention', X, cols(Wq), cols(Wk), cols(Wv), rows, heads);
      ctx.expectClose(original, relabelled, {
        what: {
          es: `Reordenar las cabezas (orden ${JSON.stringify(order)}: sus bloques de columnas en Wq, Wk, Wv y de filas en Wo) no debería cambiar la salida`,
          en: `Reordering the heads (order ${JSON.stringify(order)}: their column blocks in Wq, Wk, Wv and row blocks in Wo) should not change the output`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: problems,
    async check({ X, Wq, Wk, Wv, Wo, heads }, ctx) {
      const { mutated } = await ctx.callTracked('multiHeadAttention', X, Wq, Wk, Wv, Wo, heads);
      if (mutated.length > 0) {
        const names = mutated.map((k) => ['X', 'Wq', 'Wk', 'Wv', 'Wo', 'heads'][k] ?? `#${k}`).join(', ');
        fail({ es: `multiHeadAttention modificó su argumento ${names}.`, en: `multiHeadAttention modified its argument ${names}.` });
      }
    },
  }),
});
