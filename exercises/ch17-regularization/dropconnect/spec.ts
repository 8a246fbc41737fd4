import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { dropConnectDense as reference } from '../../../reference/ch17-regularization/dropconnect.ts';

/** A batch, a layer and a weight mask; p on exact binary fractions. */
const layer = fc
  .record({ batch: arb.dim(1, 4), nIn: arb.dim(1, 4), nOut: arb.dim(1, 4) })
  .chain(({ batch, nIn, nOut }) =>
    fc.record({
      x: arb.matrix(batch, nIn, arb.num(2)),
      W: arb.matrix(nIn, nOut, arb.num(2)),
      b: arb.vector(nOut, arb.num(2)),
      mask: arb.mask(nIn, nOut),
      p: fc.constantFrom(0.25, 0.5, 0.75, 0.125),
    }),
  );

export default defineSpec({
  'matches-reference-training': property({
    arbitrary: layer,
    examples: {
      // every weight dropped: only the bias is left, unscaled
      'all-dropped': { x: [[1, -2], [0.5, 1.5]], W: [[1, 2], [-1, 0.5]], b: [0.25, -0.5], mask: [[0, 0], [0, 0]], p: 0.5 },
    },
    async check({ x, W, b, mask, p }, ctx) {
      const received = await ctx.call('dropConnectDense', x, W, b, mask, p, true);
      ctx.expectClose(reference(x, W, b, mask, p, true), received, { what: { es: 'En entrenamiento', en: 'In training' } });
    },
  }),

  'inference-ignores-mask': property({
    arbitrary: layer,
    async check({ x, W, b, mask, p }, ctx) {
      const received = await ctx.call('dropConnectDense', x, W, b, mask, p, false);
      ctx.expectClose(reference(x, W, b, mask, p, false), received, {
        what: { es: 'En inferencia (debe ser x·W + b, sin máscara ni escala)', en: 'At inference (must be x·W + b, no mask, no scaling)' },
      });
    },
  }),

  'complementary-masks-average': property({
    arbitrary: layer,
    async check({ x, W, b, mask }, ctx) {
      // With p = 1/2, a mask and its complement are equally likely: their mean output is the expected one, x·W + b.
      const inverse = mask.map((row) => row.map((m) => 1 - m));
      const a = (await ctx.call('dropConnectDense', x, W, b, mask, 0.5, true)) as number[][];
      const c = (await ctx.call('dropConnectDense', x, W, b, inverse, 0.5, true)) as number[][];
      const inference = await ctx.call('dropConnectDense', x, W, b, mask, 0.5, false);
      if (!Array.isArray(a) || !Array.isArray(c)) fail({ es: 'dropConnectDense no devolvió una matriz.', en: 'dropConnectDense did not return a matrix.' });
      const mean = a.map((row, i) => (Array.isArray(row) ? row.map((v: unknown, j) => { const w = c[i]?.[j]; return typeof v === 'number' && typeof w === 'number' ? (v + w) / 2 : NaN; }) : row));
      ctx.expectClose(inference, mean, {
        what: {
          es: 'Con p = 1/2, la media de las salidas con una máscara y con su complementaria frente a la salida de inferencia',
          en: 'With p = 1/2, the mean output over a mask and its complement against the inference output',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: layer,
    async check({ x, W, b, mask, p }, ctx) {
      const { mutated } = await ctx.callTracked('dropConnectDense', x, W, b, mask, p, true);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'W', 'b', 'mask', 'p', 'training'][i] ?? `#${i}`).join(', ');
        fail({ es: `dropConnectDense modificó su argumento ${names}.`, en: `dropConnectDense modified its argument ${names}.` });
      }
    },
  }),
});
