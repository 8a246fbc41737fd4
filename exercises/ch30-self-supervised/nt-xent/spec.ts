import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { ntXent as reference } from '../../../reference/ch30-self-supervised/nt-xent.ts';

const nonZeroRow = (d: number) => arb.vector(d, arb.num(2)).filter((v) => v.some((x) => x !== 0));
const temperature = fc.constantFrom(0.1, 0.2, 0.5, 1, 2);

/** 2N embeddings of dimension d (N = 1..4, d = 1..4) and a temperature. */
const batch = fc
  .record({ n: arb.dim(1, 4), d: arb.dim(1, 4) })
  .chain(({ n, d }) => fc.record({ z: fc.array(nonZeroRow(d), { minLength: 2 * n, maxLength: 2 * n }), tau: temperature }));

/** The reference tolerance, for invariant properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-4, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: batch,
    examples: {
      // τ = 0.002: similarities/τ reach ±500, so log Σ exp must be shifted by the maximum (not the minimum)
      'small-temperature': { z: [[1, 0], [0, 1], [1, 0.125], [-1, 0.5]], tau: 0.002 },
    },
    async check({ z, tau }, ctx) {
      const received = await ctx.call('ntXent', z, tau);
      ctx.expectClose(reference(z, tau), received);
    },
  }),

  'scale-invariant': property({
    arbitrary: batch.chain((b) => fc.record({ b: fc.constant(b), scales: arb.vector(b.z.length, fc.constantFrom(0.25, 0.5, 2, 3, 8)) })),
    async check({ b: { z, tau }, scales }, ctx) {
      const base = await ctx.call('ntXent', z, tau);
      const scaled = await ctx.call('ntXent', z.map((row, i) => row.map((x) => x * scales[i]!)), tau);
      ctx.expectClose(base, scaled, {
        what: {
          es: `Multiplicar cada fila por un número positivo (${scales.join(', ')}) no debe cambiar la pérdida, porque se normaliza; con las filas escaladas`,
          en: `Multiplying each row by a positive number (${scales.join(', ')}) must not change the loss, since rows are normalised; with scaled rows`,
        },
      });
      ctx.expectClose(reference(z, tau), base, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'orthogonal-closed-form': property({
    arbitrary: fc.record({ n: arb.dim(1, 4), tau: temperature, scale: fc.constantFrom(1, 0.5, 3) }),
    async check({ n, tau, scale }, ctx) {
      // both views of example i are scale·e_i: positives identical, every negative orthogonal
      const half = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
      const z = [...half, ...half.map((r) => r.slice())];
      const received = await ctx.call('ntXent', z, tau);
      const expected = Math.log(1 + (2 * n - 2) * Math.exp(-1 / tau));
      ctx.expectClose(expected, received, {
        what: {
          es: `Con las dos vistas iguales a e_i (N = ${n}, τ = ${tau}) la pérdida debe ser log(1 + (2N − 2)·e^(−1/τ))`,
          en: `With both views equal to e_i (N = ${n}, τ = ${tau}) the loss must be log(1 + (2N − 2)·e^(−1/τ))`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ z, tau }, ctx) {
      const { value, mutated } = await ctx.callTracked('ntXent', z, tau);
      if (mutated.length > 0) {
        fail({ es: 'ntXent modificó z (¿normalizaste las filas en su sitio?).', en: 'ntXent modified z (did you normalise the rows in place?).' });
      }
      ctx.expectClose(reference(z, tau), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'pair-relabelling-invariant': property({
    arbitrary: batch.chain((b) => fc.record({ b: fc.constant(b), order: fc.shuffledSubarray([...Array(b.z.length / 2).keys()], { minLength: b.z.length / 2, maxLength: b.z.length / 2 }), swap: fc.boolean() })),
    async check({ b: { z, tau }, order, swap }, ctx) {
      const n = z.length / 2;
      const first = order.map((i) => z[i]!);
      const second = order.map((i) => z[i + n]!);
      const relabelled = swap ? [...second, ...first] : [...first, ...second];
      const base = await ctx.call('ntXent', z, tau);
      const moved = await ctx.call('ntXent', relabelled, tau);
      ctx.expectClose(base, moved, {
        what: {
          es: 'Reordenar los ejemplos (y/o intercambiar las dos mitades de vistas) no debe cambiar la pérdida; con el lote reordenado',
          en: 'Reordering the examples (and/or swapping the two halves of views) must not change the loss; with the reordered batch',
        },
      });
      ctx.expectClose(reference(z, tau), base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
