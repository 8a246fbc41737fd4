import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { mape as refMape, mase as refMase, smape as refSmape } from '../../../reference/ch14-time-series/forecast-metrics.ts';

/** Values with plenty of exact zeros (the interesting case for percentage errors). */
const value = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: arb.num(4), weight: 2 });

const pairs = arb.dim(1, 8).chain((n) => fc.record({ actual: arb.vector(n, value), forecast: arb.vector(n, value) }));

const seasonal = fc
  .record({ n: arb.dim(1, 6), season: arb.dim(1, 3), extra: arb.dim(1, 8) })
  .chain(({ n, season, extra }) => fc.record({ actual: arb.vector(n, arb.num(4)), forecast: arb.vector(n, arb.num(4)), train: arb.vector(season + extra, arb.num(4)), season: fc.constant(season) }))
  .filter(({ train, season }) => train.some((v, t) => t >= season && v !== train[t - season]));

export default defineSpec({
  'mape-matches-reference': property({
    arbitrary: pairs.chain((p) => fc.record({ p: fc.constant(p), eps: fc.constantFrom(1e-3, 0.5, 1, 2) })),
    examples: {
      // y = 0: the denominator is floored at eps
      'mape-zero-actual': { p: { actual: [0, 1, 0], forecast: [0.5, 1, 0] }, eps: 0.5 },
    },
    async check({ p: { actual, forecast }, eps }, ctx) {
      const received = await ctx.call('mape', actual, forecast, eps);
      ctx.expectClose(refMape(actual, forecast, eps), received, { what: { es: `mape(actual, forecast, ${eps})`, en: `mape(actual, forecast, ${eps})` } });
    },
  }),

  'mape-zero-guard': property({
    arbitrary: pairs.filter(({ actual }) => actual.includes(0)),
    async check({ actual, forecast }, ctx) {
      const received = await ctx.call('mape', actual, forecast);
      ctx.expectClose(refMape(actual, forecast, 1e-3), received, {
        what: { es: 'mape sin eps (1e-3) con algún y_t = 0', en: 'mape without eps (1e-3) with some y_t = 0' },
      });
    },
  }),

  'smape-matches-reference': property({
    arbitrary: pairs,
    examples: {
      // two 0/0 pairs: each is a term 0 that still counts in N (16.67, not 33.33 as when they are masked out)
      'smape-zero-pairs': { actual: [0, 2, 0, -1], forecast: [0, 1, 0, -1] },
    },
    async check({ actual, forecast }, ctx) {
      const received = await ctx.call('smape', actual, forecast);
      ctx.expectClose(refSmape(actual, forecast), received, { what: { es: 'smape', en: 'smape' } });
    },
  }),

  'smape-symmetric-bounded': property({
    arbitrary: pairs,
    async check({ actual, forecast }, ctx) {
      const ab = await ctx.call('smape', actual, forecast);
      const ba = await ctx.call('smape', forecast, actual);
      if (typeof ab !== 'number' || !(ab >= 0 && ab <= 200)) {
        fail({ es: `sMAPE = ${formatValue(ab)}: debe ser un número entre 0 y 200.`, en: `sMAPE = ${formatValue(ab)}: it must be a number between 0 and 200.` }, { received: ab });
      }
      ctx.expectClose(ab, ba, {
        what: { es: 'smape(forecast, actual) debe valer lo mismo que smape(actual, forecast)', en: 'smape(forecast, actual) must equal smape(actual, forecast)' },
      });
    },
  }),

  'mase-matches-reference': property({
    arbitrary: seasonal,
    async check({ actual, forecast, train, season }, ctx) {
      // season = 1 is passed by omission, to check the default
      const received = season === 1 ? await ctx.call('mase', actual, forecast, train) : await ctx.call('mase', actual, forecast, train, season);
      ctx.expectClose(refMase(actual, forecast, train, season), received, {
        what: { es: `mase con season = ${season}${season === 1 ? ' (por defecto)' : ''}`, en: `mase with season = ${season}${season === 1 ? ' (default)' : ''}` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: seasonal,
    async check({ actual, forecast, train, season }, ctx) {
      const names = ['actual', 'forecast', 'train', 'season'];
      for (const [fn, args] of [
        ['mape', [actual, forecast, 1e-3]],
        ['smape', [actual, forecast]],
        ['mase', [actual, forecast, train, season]],
      ] as const) {
        const { mutated } = await ctx.callTracked(fn, ...args);
        if (mutated.length > 0) {
          const which = mutated.map((k) => names[k] ?? `#${k}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${which}.`, en: `${fn} modified its argument ${which}.` });
        }
      }
    },
  }),
});
