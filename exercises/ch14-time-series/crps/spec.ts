import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { crpsEnsemble, crpsGaussian } from '../../../reference/ch14-time-series/crps.ts';

const gaussianCases = arb.dim(1, 5).chain((n) =>
  fc.record({ mu: arb.vector(n, arb.num(4)), sigma: arb.vector(n, arb.numIn(0.25, 3)), y: arb.vector(n, arb.num(6)) }),
);

const ensembleCases = fc.record({ n: arb.dim(1, 4), k: arb.dim(1, 6) }).chain(({ n, k }) => fc.record({ samples: arb.matrix(n, k, arb.num(4)), y: arb.vector(n, arb.num(5)) }));

function numbers(fn: string, v: unknown, n: number): number[] {
  if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number')) {
    fail({ es: `${fn} debe devolver un arreglo de ${n} números, un CRPS por caso.`, en: `${fn} must return an array of ${n} numbers, one CRPS per case.` }, { received: v });
  }
  return v;
}

export default defineSpec({
  'gaussian-matches-reference': property({
    arbitrary: gaussianCases,
    async check({ mu, sigma, y }, ctx) {
      const received = await ctx.call('crpsGaussian', mu, sigma, y);
      ctx.expectClose(crpsGaussian(mu, sigma, y), received, {
        what: { es: 'crpsGaussian frente a la integral ∫ (F(z) − 1{z ≥ y})² dz', en: 'crpsGaussian against the integral ∫ (F(z) − 1{z ≥ y})² dz' },
      });
    },
  }),

  'sharp-gaussian-is-absolute-error': property({
    arbitrary: gaussianCases,
    async check({ mu, y }, ctx) {
      // σ → 0: the forecast is a point mass at μ and the CRPS becomes |y − μ|
      const sigma = mu.map(() => 1e-6);
      const received = await ctx.call('crpsGaussian', mu, sigma, y);
      ctx.expectClose(
        mu.map((m, i) => Math.abs(y[i]! - m)),
        received,
        { what: { es: 'Con σ = 1e-6 la previsión es casi un punto y el CRPS debe ser |y − μ|', en: 'With σ = 1e-6 the forecast is almost a point and the CRPS must be |y − μ|' } },
      );
    },
  }),

  'ensemble-matches-reference': property({
    arbitrary: ensembleCases,
    examples: {
      // K = 1: the spread term is 0 and the CRPS is |s − y|
      'single-sample': { samples: [[2], [-1]], y: [0.5, 3] },
    },
    async check({ samples, y }, ctx) {
      const received = await ctx.call('crpsEnsemble', samples, y);
      ctx.expectClose(crpsEnsemble(samples, y), received, {
        what: { es: 'crpsEnsemble frente a la integral exacta con la CDF empírica', en: 'crpsEnsemble against the exact integral with the empirical CDF' },
      });
    },
  }),

  'single-member-is-absolute-error': property({
    arbitrary: arb.dim(1, 5).chain((n) => fc.record({ s: arb.vector(n, arb.num(4)), y: arb.vector(n, arb.num(5)) })),
    async check({ s, y }, ctx) {
      const received = numbers('crpsEnsemble', await ctx.call('crpsEnsemble', s.map((v) => [v]), y), s.length);
      ctx.expectClose(
        s.map((v, i) => Math.abs(v - y[i]!)),
        received,
        { what: { es: 'Un conjunto de un solo miembro es una previsión puntual: CRPS = |s − y|', en: 'A one-member ensemble is a point forecast: CRPS = |s − y|' } },
      );
    },
  }),

  'no-mutation': property({
    arbitrary: ensembleCases,
    async check({ samples, y }, ctx) {
      const { value, mutated } = await ctx.callTracked('crpsEnsemble', samples, y);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['samples', 'y'][i] ?? `#${i}`).join(', ');
        fail({ es: `crpsEnsemble modificó su argumento ${names} (¿ordenaste las muestras en el sitio?).`, en: `crpsEnsemble modified its argument ${names} (did you sort the samples in place?).` });
      }
      ctx.expectClose(crpsEnsemble(samples, y), numbers('crpsEnsemble', value, samples.length));
    },
  }),
});
