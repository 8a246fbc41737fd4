import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch27-generative-models/autoencoder-anomaly.ts';

const pair = (rows: number, d: number) => fc.record({ x: arb.matrix(rows, d, arb.prob()), xHat: arb.matrix(rows, d, arb.prob()) });

const dataset = fc.record({ d: arb.dim(1, 5), nTrain: arb.dim(1, 8), nTest: arb.dim(1, 5) }).chain(({ d, nTrain, nTest }) =>
  fc.record({ train: pair(nTrain, d), test: pair(nTest, d), q: fc.constantFrom(0, 0.25, 0.5, 0.9, 0.95, 1) }),
);

/** Values with mixed signs and digit counts, where sorting as text goes wrong. */
const values = fc.record({ v: fc.array(arb.num(16), { minLength: 1, maxLength: 9 }), q: fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1) });

export default defineSpec({
  'errors-match-reference': property({
    arbitrary: dataset,
    async check({ train: { x, xHat } }, ctx) {
      ctx.expectClose(ref.reconstructionErrors(x, xHat), await ctx.call('reconstructionErrors', x, xHat), { what: { es: 'Los errores', en: 'The errors' } });
    },
  }),

  'quantile-matches-reference': property({
    arbitrary: values,
    examples: {
      // values whose text order differs from their numeric order (sort() without a comparator puts 10 before 9)
      'text-order-trap': { v: [10, 9, 2, 16, 1.5], q: 0.75 },
    },
    async check({ v, q }, ctx) {
      ctx.expectClose(ref.quantile(v, q), await ctx.call('quantile', v, q), { what: { es: `quantile(…, ${q})`, en: `quantile(…, ${q})` } });
    },
  }),

  'detect-matches-reference': property({
    arbitrary: dataset,
    async check({ train, test, q }, ctx) {
      const received = await ctx.call('detectAnomalies', train.x, train.xHat, test.x, test.xHat, q);
      const expected = ref.detectAnomalies(train.x, train.xHat, test.x, test.xHat, q);
      // an error within rounding of the threshold may go either way (float32 reference, float64 student)
      const threshold = ref.quantile(ref.reconstructionErrors(train.x, train.xHat), q);
      const errors = ref.reconstructionErrors(test.x, test.xHat);
      const agrees =
        Array.isArray(received) &&
        received.length === expected.length &&
        received.every((flag, i) => typeof flag === 'boolean' && (flag === expected[i] || Math.abs(errors[i]! - threshold) <= 1e-5));
      if (!agrees) {
        fail(
          {
            es: `Con q = ${q} se esperaba ${JSON.stringify(expected)} y se recibió ${JSON.stringify(received)}.`,
            en: `With q = ${q} ${JSON.stringify(expected)} was expected but ${JSON.stringify(received)} was received.`,
          },
          { expected, received },
        );
      }
    },
  }),

  'threshold-is-exclusive': property({
    arbitrary: dataset,
    async check({ train }, ctx) {
      const received = await ctx.call('detectAnomalies', train.x, train.xHat, train.x, train.xHat, 1);
      const expected = train.x.map(() => false);
      if (JSON.stringify(received) !== JSON.stringify(expected)) {
        fail(
          {
            es: `Con q = 1 y los mismos datos de entrenamiento como test se esperaba que ninguno fuera anómalo, pero se recibió ${JSON.stringify(received)}.`,
            en: `With q = 1 and the training data as the test set no example should be an anomaly, but ${JSON.stringify(received)} was received.`,
          },
          { expected, received },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ values, data: dataset }),
    async check({ values: { v, q }, data: { train, test } }, ctx) {
      const a = await ctx.callTracked('quantile', v, q);
      if (a.mutated.includes(0)) fail({ es: 'quantile modificó (¿ordenó?) el array values.', en: 'quantile modified (sorted?) the values array.' });
      const b = await ctx.callTracked('detectAnomalies', train.x, train.xHat, test.x, test.xHat, q);
      if (b.mutated.length > 0) fail({ es: 'detectAnomalies modificó sus argumentos.', en: 'detectAnomalies modified its arguments.' });
    },
  }),
});
