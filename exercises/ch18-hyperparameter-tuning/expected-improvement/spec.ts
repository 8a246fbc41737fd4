import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { expectedImprovement, gpPosterior } from '../../../reference/ch18-hyperparameter-tuning/expected-improvement.ts';

type Posterior = { mean: number[]; std: number[] };

/** Observations, queries and hyper-parameters (noise ≥ 0.2 keeps K + σ_n²I well conditioned for float32). */
const gpCases = fc.record({ n: arb.dim(1, 6), m: arb.dim(1, 4) }).chain(({ n, m }) =>
  fc.record({
    xs: arb.vector(n, arb.num(2)),
    ys: arb.vector(n, arb.num(2)),
    xq: arb.vector(m, arb.num(3)),
    lengthScale: fc.constantFrom(0.5, 1, 2),
    signal: fc.constantFrom(0.5, 1, 2),
    noise: fc.constantFrom(0.2, 0.5, 1),
  }),
);

const eiCases = (std: fc.Arbitrary<number>) =>
  arb.dim(1, 5).chain((m) =>
    fc.record({
      mean: arb.vector(m, arb.num(4)),
      std: arb.vector(m, std),
      best: arb.num(2),
      xi: fc.constantFrom(0, 0.01, 0.1, 0.5),
    }),
  );
type EiCase = { mean: number[]; std: number[]; best: number; xi: number };

const positiveStd = fc.integer({ min: 1, max: 16 }).map((i) => i / 8);

const TOL = { atol: 2e-3, rtol: 2e-3 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

function posterior(v: unknown, m: number): Posterior {
  const r = v as Partial<Posterior> | null;
  const ok = (a: unknown) => Array.isArray(a) && a.length === m && a.every((x) => typeof x === 'number');
  if (r === null || typeof r !== 'object' || !ok(r.mean) || !ok(r.std)) {
    fail(
      {
        es: `gpPosterior debe devolver { mean, std }, dos arrays de números con un valor por punto de xq (${m}).`,
        en: `gpPosterior must return { mean, std }, two arrays of numbers with one value per point of xq (${m}).`,
      },
      { received: v },
    );
  }
  return r as Posterior;
}

export default defineSpec({
  'posterior-mean': property({
    arbitrary: gpCases,
    async check({ xs, ys, xq, lengthScale, signal, noise }, ctx) {
      const r = posterior(await ctx.call('gpPosterior', xs, ys, xq, lengthScale, signal, noise), xq.length);
      ctx.expectClose(gpPosterior(xs, ys, xq, lengthScale, signal, noise).mean, r.mean, { what: { es: 'mean', en: 'mean' } });
    },
  }),

  'posterior-std': property({
    arbitrary: gpCases,
    async check({ xs, ys, xq, lengthScale, signal, noise }, ctx) {
      const r = posterior(await ctx.call('gpPosterior', xs, ys, xq, lengthScale, signal, noise), xq.length);
      ctx.expectClose(gpPosterior(xs, ys, xq, lengthScale, signal, noise).std, r.std, { what: { es: 'std', en: 'std' } });
    },
  }),

  'far-from-data': property({
    arbitrary: gpCases,
    async check({ xs, ys, xq, lengthScale, signal, noise }, ctx) {
      // 100 length-scales away the kernel is exp(−5000) = 0: the posterior is the prior N(0, σ_f²)
      const far = xq.map((q, i) => (i % 2 === 0 ? 1 : -1) * (100 * lengthScale + 3 + Math.abs(q)));
      const r = posterior(await ctx.call('gpPosterior', xs, ys, far, lengthScale, signal, noise), far.length);
      ctx.expectClose({ mean: far.map(() => 0), std: far.map(() => signal) }, r, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: {
          es: `Lejos de todos los datos el posterior vuelve al prior, media 0 y desviación signal = ${signal} (la de f, sin el ruido); en xq = [${far.join(', ')}] el resultado`,
          en: `Far from every observation the posterior returns to the prior, mean 0 and std signal = ${signal} (that of f, without the noise); at xq = [${far.join(', ')}] the result`,
        },
      });
      const near = posterior(await ctx.call('gpPosterior', xs, ys, xq, lengthScale, signal, noise), xq.length);
      ctx.expectClose(gpPosterior(xs, ys, xq, lengthScale, signal, noise), near, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'ei-matches-reference': property({
    arbitrary: eiCases(positiveStd),
    async check({ mean, std, best, xi }, ctx) {
      ctx.expectClose(expectedImprovement(mean, std, best, xi), await ctx.call('expectedImprovement', mean, std, best, xi));
    },
  }),

  'ei-certain': property({
    arbitrary: fc.tuple(eiCases(fc.constant(0)), eiCases(positiveStd)),
    examples: {
      // σ = 0 with g = 0 in the last point: z = g/σ is 0/0, and EI = max(g, 0) = 0
      'zero-std': [
        { mean: [1, 0, 0.5], std: [0, 0, 0], best: 0.5, xi: 0 },
        { mean: [0.5], std: [1], best: 0.5, xi: 0 },
      ] as [EiCase, EiCase],
    },
    async check([certain, some], ctx) {
      const received = await ctx.call('expectedImprovement', certain.mean, certain.std, certain.best, certain.xi);
      ctx.expectClose(
        certain.mean.map((mu) => Math.max(mu - certain.best - certain.xi, 0)),
        received,
        {
          what: {
            es: 'Con std = 0 el valor de f es seguro y la mejora esperada es max(mean − best − xi, 0); el resultado',
            en: 'With std = 0 the value of f is certain and the expected improvement is max(mean − best − xi, 0); the result',
          },
        },
      );
      ctx.expectClose(expectedImprovement(some.mean, some.std, some.best, some.xi), await ctx.call('expectedImprovement', some.mean, some.std, some.best, some.xi), {
        what: REFERENCE,
      });
    },
  }),

  'no-mutation': property({
    // some std are 0: clamping them in place is a classic way to change the caller's array
    arbitrary: fc.tuple(gpCases, eiCases(fc.oneof(positiveStd, fc.constant(0)))),
    async check([{ xs, ys, xq, lengthScale, signal, noise }, { mean, std, best, xi }], ctx) {
      const gp = await ctx.callTracked('gpPosterior', xs, ys, xq, lengthScale, signal, noise);
      if (gp.mutated.length > 0) {
        const names = gp.mutated.map((i) => ['xs', 'ys', 'xq'][i] ?? `#${i}`).join(', ');
        fail({ es: `gpPosterior modificó su argumento ${names}.`, en: `gpPosterior modified its argument ${names}.` });
      }
      const ei = await ctx.callTracked('expectedImprovement', mean, std, best, xi);
      if (ei.mutated.length > 0) {
        const names = ei.mutated.map((i) => ['mean', 'std'][i] ?? `#${i}`).join(', ');
        fail({ es: `expectedImprovement modificó su argumento ${names}.`, en: `expectedImprovement modified its argument ${names}.` });
      }
      ctx.expectClose(gpPosterior(xs, ys, xq, lengthScale, signal, noise), posterior(gp.value, xq.length), { tolerance: TOL, what: REFERENCE });
    },
  }),
});
