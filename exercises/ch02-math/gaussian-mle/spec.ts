import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch02-math/gaussian-mle.ts';

/** A sample that is not constant (so the MLE of σ is positive). */
const sample = arb
  .dim(2, 10)
  .chain((n) => arb.vector(n))
  .filter((x) => x.some((v) => v !== x[0]));

const point = fc.record({ x: sample, mu: arb.num(), sigma: arb.numIn(0.5, 3) });

/** The statement's edge case N = 2, run first on every grading: the MLE is the midpoint and half the gap. */
const twoValues = [-1.5, 2.5];
const twoValuesPoint = { x: twoValues, mu: 0.25, sigma: 1.5 };

export default defineSpec({
  'nll-matches-reference': property({
    arbitrary: point,
    examples: { 'two-values': twoValuesPoint },
    async check({ x, mu, sigma }, ctx) {
      ctx.expectClose(ref.gaussianNll(x, mu, sigma), await ctx.call('gaussianNll', x, mu, sigma));
    },
  }),

  'gradient-matches-autodiff': property({
    arbitrary: point,
    examples: { 'two-values': twoValuesPoint },
    async check({ x, mu, sigma }, ctx) {
      ctx.expectClose(ref.gaussianNllGradient(x, mu, sigma), await ctx.call('gaussianNllGradient', x, mu, sigma), {
        what: { es: 'Gradiente frente a tf.grads', en: 'Gradient against tf.grads' },
      });
    },
  }),

  'mle-matches-reference': property({
    arbitrary: sample,
    examples: { 'two-values': twoValues },
    async check(x, ctx) {
      ctx.expectClose(ref.gaussianMle(x), await ctx.call('gaussianMle', x), {
        what: { es: 'gaussianMle frente a tf.moments', en: 'gaussianMle against tf.moments' },
      });
    },
  }),

  'mle-is-stationary': property({
    arbitrary: sample,
    examples: { 'two-values': twoValues },
    async check(x, ctx) {
      const est = (await ctx.call('gaussianMle', x)) as { mu: number; sigma: number };
      if (!(typeof est?.mu === 'number' && typeof est?.sigma === 'number' && est.sigma > 0)) {
        fail({ es: 'gaussianMle debe devolver { mu, sigma } con sigma > 0.', en: 'gaussianMle must return { mu, sigma } with sigma > 0.' }, { received: est });
      }
      // at the maximum-likelihood estimate both partial derivatives of the NLL vanish
      const g = ref.gaussianNllGradient(x, est.mu, est.sigma);
      const scale = x.length / est.sigma;
      if (!(Math.abs(g.dmu) <= 1e-3 * scale && Math.abs(g.dsigma) <= 1e-3 * scale)) {
        fail(
          {
            es: `En tu estimación (mu = ${est.mu}, sigma = ${est.sigma}) el gradiente de la NLL (tf.grads) no es 0: ∂/∂mu = ${g.dmu}, ∂/∂sigma = ${g.dsigma}. No es un mínimo de la NLL.`,
            en: `At your estimate (mu = ${est.mu}, sigma = ${est.sigma}) the NLL's gradient (tf.grads) is not 0: ∂/∂mu = ${g.dmu}, ∂/∂sigma = ${g.dsigma}. It is not a minimum of the NLL.`,
          },
          { expected: { dmu: 0, dsigma: 0 }, received: g },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: point,
    async check({ x, mu, sigma }, ctx) {
      for (const [fn, args] of [['gaussianNll', [x, mu, sigma]], ['gaussianNllGradient', [x, mu, sigma]], ['gaussianMle', [x]]] as const) {
        const { mutated } = await ctx.callTracked(fn, ...args);
        if (mutated.includes(0)) fail({ es: `${fn} modificó su argumento x.`, en: `${fn} modified its argument x.` });
      }
    },
  }),

  'mle-minimises-nll': property({
    arbitrary: fc.record({ x: sample, dmu: arb.numIn(-1, 1), factor: fc.constantFrom(0.5, 0.8, 1.25, 2) }),
    async check({ x, dmu, factor }, ctx) {
      const est = (await ctx.call('gaussianMle', x)) as { mu: number; sigma: number };
      const best = (await ctx.call('gaussianNll', x, est.mu, est.sigma)) as number;
      const other = (await ctx.call('gaussianNll', x, est.mu + dmu, est.sigma * factor)) as number;
      if (!(best <= other + 1e-9)) {
        fail({
          es: `La NLL en tu MLE (${best}) es mayor que en (mu + ${dmu}, sigma·${factor}) (${other}).`,
          en: `The NLL at your MLE (${best}) is larger than at (mu + ${dmu}, sigma·${factor}) (${other}).`,
        });
      }
    },
  }),
});
