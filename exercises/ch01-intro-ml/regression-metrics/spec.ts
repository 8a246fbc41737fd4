import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { regressionMetrics as reference } from '../../../reference/ch01-intro-ml/regression-metrics.ts';

interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

/** Targets that vary (N ≥ 2, not all equal) and predictions. */
const varying = arb
  .dim(2, 10)
  .chain((n) => fc.record({ yTrue: arb.vector(n), yPred: arb.vector(n) }))
  .filter(({ yTrue }) => yTrue.some((v) => v !== yTrue[0]));

function key(k: keyof RegressionMetrics) {
  return property({
    arbitrary: varying,
    async check({ yTrue, yPred }, ctx) {
      const received = (await ctx.call('regressionMetrics', yTrue, yPred)) as RegressionMetrics;
      ctx.expectClose(reference(yTrue, yPred)[k], received?.[k], { what: { es: k, en: k } });
    },
  });
}

export default defineSpec({
  'mse-rmse-match-reference': property({
    arbitrary: varying,
    async check({ yTrue, yPred }, ctx) {
      const received = (await ctx.call('regressionMetrics', yTrue, yPred)) as RegressionMetrics;
      const expected = reference(yTrue, yPred);
      ctx.expectClose(expected.mse, received?.mse, { what: { es: 'mse', en: 'mse' } });
      ctx.expectClose(expected.rmse, received?.rmse, { what: { es: 'rmse', en: 'rmse' } });
    },
  }),

  'mae-matches-reference': key('mae'),
  'r2-matches-reference': key('r2'),

  'r2-landmarks': property({
    arbitrary: varying,
    async check({ yTrue }, ctx) {
      const perfect = (await ctx.call('regressionMetrics', yTrue, [...yTrue])) as RegressionMetrics;
      const mean = yTrue.reduce((a, b) => a + b, 0) / yTrue.length;
      const baseline = (await ctx.call('regressionMetrics', yTrue, yTrue.map(() => mean))) as RegressionMetrics;
      if (!(Math.abs((perfect?.r2 ?? NaN) - 1) <= 1e-12 && Math.abs(baseline?.r2 ?? NaN) <= 1e-9)) {
        fail(
          {
            es: `R² debe valer 1 con la predicción perfecta y 0 prediciendo siempre la media ȳ; obtuviste ${String(perfect?.r2)} y ${String(baseline?.r2)}.`,
            en: `R² must be 1 for the perfect prediction and 0 when always predicting the mean ȳ; you got ${String(perfect?.r2)} and ${String(baseline?.r2)}.`,
          },
          { expected: [1, 0], received: [perfect?.r2, baseline?.r2] },
        );
      }
    },
  }),

  'constant-target': property({
    arbitrary: fc.record({ n: arb.dim(1, 6), c: arb.num(), exact: fc.boolean() }).chain(({ n, c, exact }) =>
      fc.record({ yTrue: fc.constant(new Array<number>(n).fill(c)), yPred: exact ? fc.constant(new Array<number>(n).fill(c)) : arb.vector(n).filter((v) => v.some((x) => x !== c)) }),
    ),
    examples: {
      'constant-target-perfect': { yTrue: [2.5, 2.5, 2.5], yPred: [2.5, 2.5, 2.5] },
      'constant-target-imperfect': { yTrue: [-1, -1, -1, -1], yPred: [-1, 0.5, -1, -3] },
      'single-example': { yTrue: [3], yPred: [1] },
    },
    async check({ yTrue, yPred }, ctx) {
      const received = (await ctx.call('regressionMetrics', yTrue, yPred)) as RegressionMetrics;
      ctx.expectClose(reference(yTrue, yPred), received, {
        what: { es: 'Con yTrue constante (Σ(y − ȳ)² = 0)', en: 'With a constant yTrue (Σ(y − ȳ)² = 0)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: varying,
    async check({ yTrue, yPred }, ctx) {
      const { mutated } = await ctx.callTracked('regressionMetrics', yTrue, yPred);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['yTrue', 'yPred'][i] ?? `#${i}`).join(', ');
        fail({ es: `regressionMetrics modificó su argumento ${names}.`, en: `regressionMetrics modified its argument ${names}.` });
      }
    },
  }),

  'shift-and-scale': property({
    arbitrary: fc.record({ v: varying, a: fc.constantFrom(-2, 0.5, 3), b: arb.num() }),
    async check({ v: { yTrue, yPred }, a, b }, ctx) {
      const base = (await ctx.call('regressionMetrics', yTrue, yPred)) as RegressionMetrics;
      const moved = await ctx.call('regressionMetrics', yTrue.map((y) => a * y + b), yPred.map((y) => a * y + b));
      ctx.expectClose({ mse: a * a * base.mse, rmse: Math.abs(a) * base.rmse, mae: Math.abs(a) * base.mae, r2: base.r2 }, moved, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: `Métricas de a·y + b con a = ${a}, b = ${b}`, en: `Metrics of a·y + b with a = ${a}, b = ${b}` },
      });
    },
  }),
});
