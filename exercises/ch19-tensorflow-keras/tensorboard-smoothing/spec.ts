import fc from 'fast-check';
import { defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { smoothCurve as reference } from '../../../reference/ch19-tensorflow-keras/tensorboard-smoothing.ts';

/** A noisy loss curve: a descent plus noise on a grid of eighths, 1 to 16 points. */
const curve = fc
  .record({ start: fc.integer({ min: 8, max: 32 }), noise: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 16 }) })
  .map(({ start, noise }) => noise.map((e, t) => (start - t + e) / 8));

/** TensorBoard's slider goes from 0 to 0.999; 0.6 is its default. */
const weight = fc.constantFrom(0, 0.25, 0.5, 0.6, 0.6, 0.75, 0.9, 0.95, 0.99);

/** A curve where some points diverged (NaN, ±Infinity), as happens when a run blows up. */
const withGaps = fc
  .record({ values: curve, gaps: fc.array(fc.constantFrom(NaN, Infinity, -Infinity), { minLength: 1, maxLength: 4 }), seed: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }) })
  .map(({ values, gaps, seed }) => {
    const out = values.slice();
    gaps.forEach((g, k) => out.splice(seed[k]! % (out.length + 1), 0, g));
    return out;
  });

export default defineSpec({
  'matches-reference': property({
    arbitrary: fc.record({ values: curve, weight }),
    async check({ values, weight }, ctx) {
      const received = await ctx.call('smoothCurve', values, weight, true);
      ctx.expectClose(reference(values, weight, true), received);
    },
  }),

  'without-debias': property({
    arbitrary: fc.record({ values: curve, weight }),
    async check({ values, weight }, ctx) {
      const received = await ctx.call('smoothCurve', values, weight, false);
      ctx.expectClose(reference(values, weight, false), received, {
        what: { es: 'Sin corrección de sesgo (debias = false)', en: 'Without bias correction (debias = false)' },
      });
    },
  }),

  'default-debias': property({
    arbitrary: fc.record({ values: curve, weight }),
    async check({ values, weight }, ctx) {
      const received = await ctx.call('smoothCurve', values, weight);
      ctx.expectClose(reference(values, weight, true), received, {
        what: { es: 'smoothCurve(values, weight) sin tercer argumento', en: 'smoothCurve(values, weight) without a third argument' },
      });
    },
  }),

  'non-finite-points': property({
    arbitrary: fc.record({ values: withGaps, weight: weight.filter((w) => w > 0), debias: fc.boolean() }),
    examples: {
      // a NaN first (the first finite point is then k = 1) and ±Infinity later: returned as they are, outside the mean
      'non-finite': { values: [NaN, 1, Infinity, 2, -Infinity, 3], weight: 0.5, debias: true },
    },
    async check({ values, weight, debias }, ctx) {
      const received = await ctx.call('smoothCurve', values, weight, debias);
      ctx.expectClose(reference(values, weight, debias), received, {
        what: { es: 'Con puntos NaN o ±Infinity en la curva', en: 'With NaN or ±Infinity points in the curve' },
      });
    },
  }),

  'affine-equivariance': property({
    arbitrary: fc.record({ values: curve, weight, scale: fc.constantFrom(2, 0.5, -1, 4), shift: fc.constantFrom(0, 1, -3, 10) }),
    async check({ values, weight, scale, shift }, ctx) {
      const base = (await ctx.call('smoothCurve', values, weight, true)) as unknown;
      if (!Array.isArray(base) || base.length !== values.length || !base.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        fail({ es: `smoothCurve debe devolver ${values.length} números finitos.`, en: `smoothCurve must return ${values.length} finite numbers.` });
      }
      const moved = await ctx.call('smoothCurve', values.map((v) => scale * v + shift), weight, true);
      ctx.expectClose((base as number[]).map((v) => scale * v + shift), moved, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: {
          es: `El suavizado de ${scale}·x + ${shift} frente a ${scale}·suavizado(x) + ${shift}`,
          en: `The smoothing of ${scale}·x + ${shift} against ${scale}·smoothed(x) + ${shift}`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ values: withGaps, weight }),
    async check({ values, weight }, ctx) {
      const { value, mutated } = await ctx.callTracked('smoothCurve', values, weight, true);
      if (mutated.length > 0) fail({ es: 'smoothCurve modificó el array values.', en: 'smoothCurve modified the values array.' });
      ctx.expectClose(reference(values, weight, true), value);
    },
  }),
});
