import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { scaledDotProductAttention as reference } from '../../../reference/ch13-attention-transformers/scaled-dot-product-attention.ts';

/** An n×m boolean mask with at least one allowed key per query. */
const maskOf = (n: number, m: number) =>
  fc
    .record({ cells: fc.array(fc.array(fc.boolean(), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }), keep: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: n, maxLength: n }) })
    .map(({ cells, keep }) => cells.map((row, i) => row.map((v, j) => v || j === keep[i])));

const problems = (withMask: 'maybe' | 'always') =>
  fc.record({ n: arb.dim(1, 4), m: arb.dim(1, 5), dk: arb.dim(1, 4), dv: arb.dim(1, 3) }).chain(({ n, m, dk, dv }) =>
    fc.record({
      Q: arb.matrix(n, dk, arb.num(2)),
      K: arb.matrix(m, dk, arb.num(2)),
      V: arb.matrix(m, dv, arb.num(2)),
      mask: withMask === 'always' ? maskOf(n, m) : fc.option(maskOf(n, m), { nil: undefined }),
    }),
  );

/** The student's weights as an n×m matrix of numbers, or a failure. */
function weightsOf(value: unknown, n: number, m: number): number[][] {
  const w = value !== null && typeof value === 'object' ? (value as { weights?: unknown }).weights : undefined;
  const ok = Array.isArray(w) && w.length === n && w.every((r) => Array.isArray(r) && r.length === m && r.every((v) => typeof v === 'number'));
  if (!ok) fail({ es: `weights debe ser una matriz ${n}×${m} de números.`, en: `weights must be an ${n}×${m} matrix of numbers.` }, { received: w });
  return w as number[][];
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: problems('maybe'),
    examples: {
      // a query that may see only one key: its weight is exactly 1 and the output is that value
      'one-key-allowed': { Q: [[1, -0.5], [0.25, 2]], K: [[2, 1], [-1, 0.5], [0.5, -2]], V: [[1], [-2], [4]], mask: [[false, true, false], [true, true, false]] },
    },
    async check({ Q, K, V, mask }, ctx) {
      const received = await ctx.call('scaledDotProductAttention', Q, K, V, mask);
      ctx.expectClose(reference(Q, K, V, mask), received);
    },
  }),

  'weights-sum-to-one': property({
    arbitrary: problems('maybe'),
    async check({ Q, K, V, mask }, ctx) {
      const weights = weightsOf(await ctx.call('scaledDotProductAttention', Q, K, V, mask), Q.length, K.length);
      weights.forEach((row, i) => {
        const sum = row.reduce((a, b) => a + b, 0);
        if (!(Math.abs(sum - 1) <= 1e-9) || row.some((v) => !(v >= 0))) {
          fail({
            es: `La fila ${i} de tus pesos de atención suma ${sum} (o tiene negativos): ${JSON.stringify(row)}. Cada consulta reparte un peso total de 1 entre las claves: softmax por FILAS, y renormalizada si hay máscara.`,
            en: `Row ${i} of your attention weights sums to ${sum} (or has negatives): ${JSON.stringify(row)}. Each query spreads a total weight of 1 over the keys: softmax along ROWS, renormalized when there is a mask.`,
          });
        }
      });
    },
  }),

  'masked-weights-zero': property({
    arbitrary: problems('always'),
    examples: {
      'one-key-allowed': { Q: [[1, -0.5], [0.25, 2]], K: [[2, 1], [-1, 0.5], [0.5, -2]], V: [[1], [-2], [4]], mask: [[false, true, false], [true, true, false]] },
    },
    async check({ Q, K, V, mask }, ctx) {
      const weights = weightsOf(await ctx.call('scaledDotProductAttention', Q, K, V, mask), Q.length, K.length);
      weights.forEach((row, i) =>
        row.forEach((w, j) => {
          if (!mask![i]![j] && !(Math.abs(w) <= 1e-12)) {
            fail({
              es: `La posición enmascarada (${i}, ${j}) recibió peso ${w}. Una posición prohibida debe quedar fuera del softmax (puntuación −∞), no con puntuación 0.`,
              en: `Masked position (${i}, ${j}) got weight ${w}. A forbidden position must be left out of the softmax (score −∞), not given a score of 0.`,
            });
          }
        }),
      );
    },
  }),

  'scaled-by-sqrt-dk': property({
    arbitrary: fc
      .record({ dk: arb.dim(2, 6) })
      .chain(({ dk }) => fc.record({ q: arb.vector(dk, arb.num(1)), k0: arb.vector(dk, arb.num(1)), k1: arb.vector(dk, arb.num(1)) }))
      .filter(({ q, k0, k1 }) => {
        const gap = q.reduce((a, v, d) => a + v * (k0[d]! - k1[d]!), 0);
        return Math.abs(gap) >= 0.25 && Math.abs(gap) <= 6;
      }),
    async check({ q, k0, k1 }, ctx) {
      const dk = q.length;
      const [w0, w1] = weightsOf(await ctx.call('scaledDotProductAttention', [q], [k0, k1], [[1, 0], [0, 1]]), 1, 2)[0]!;
      // softmax of two scores: ln(w0/w1) = (q·k0 − q·k1) / scale
      const gap = q.reduce((a, v, d) => a + v * (k0[d]! - k1[d]!), 0);
      const scale = gap / Math.log(w0! / w1!);
      if (!(Math.abs(scale - Math.sqrt(dk)) <= 1e-6 * Math.sqrt(dk))) {
        fail({
          es: `Con d_k = ${dk}, q·k0 − q·k1 = ${gap}; tus pesos (${w0}, ${w1}) corresponden a dividir las puntuaciones entre ${scale}, pero hay que dividir entre √d_k = ${Math.sqrt(dk)}.`,
          en: `With d_k = ${dk}, q·k0 − q·k1 = ${gap}; your weights (${w0}, ${w1}) amount to dividing the scores by ${scale}, but they must be divided by √d_k = ${Math.sqrt(dk)}.`,
        });
      }
    },
  }),

  'large-scores': property({
    arbitrary: problems('maybe').map(({ Q, K, V, mask }) => ({ Q: Q.map((r) => r.map((v) => 32 * v)), K: K.map((r) => r.map((v) => 32 * v)), V, mask })),
    async check({ Q, K, V, mask }, ctx) {
      const received = await ctx.call('scaledDotProductAttention', Q, K, V, mask);
      ctx.expectClose(reference(Q, K, V, mask), received, {
        what: { es: 'Con puntuaciones grandes (|Q·Kᵀ/√d_k| de hasta miles)', en: 'With large scores (|Q·Kᵀ/√d_k| up to thousands)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: problems('always'),
    async check({ Q, K, V, mask }, ctx) {
      const { mutated } = await ctx.callTracked('scaledDotProductAttention', Q, K, V, mask);
      if (mutated.length > 0) {
        const names = mutated.map((k) => ['Q', 'K', 'V', 'mask'][k] ?? `#${k}`).join(', ');
        fail({ es: `scaledDotProductAttention modificó su argumento ${names}.`, en: `scaledDotProductAttention modified its argument ${names}.` });
      }
    },
  }),
});
