import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch27-generative-models/wgan-gp.ts';

/** A small critic: weights of magnitude ≤ 1.5, so gradient norms fall on both sides of 1. */
const critic = fc.record({ d: arb.dim(1, 4), h: arb.dim(1, 4) }).chain(({ d, h }) =>
  fc.record({ W: arb.matrix(h, d, arb.num(1.5)), b: arb.vector(h, arb.num(1)), v: arb.vector(h, arb.num(1.5)), d: fc.constant(d) }),
);

const batch = critic.chain((c) =>
  arb.dim(1, 4).chain((n) =>
    fc.record({
      critic: fc.constant(c),
      real: arb.matrix(n, c.d, arb.num(2)),
      fake: arb.matrix(n, c.d, arb.num(2)),
      eps: arb.vector(n, arb.prob()),
      lambda: fc.constantFrom(1, 10),
    }),
  ),
);

/**
 * Edge case (exercise.yaml `edgeCases`): a saturated critic. At real[0] the pre-activations are 450
 * and 0; at both interpolates every |a_k| ≥ 50, so tanh' = 0, ‖∇‖ = 0 and each row costs (0 − 1)².
 */
const SATURATED = {
  critic: { W: [[200, -100], [-150, 300]], b: [0, 0], v: [1.5, -1], d: 2 },
  real: [[3, 1.5], [-2, 3]],
  fake: [[4, -1], [0, -3]],
  eps: [0.5, 0.25],
  lambda: 10 as const,
};

export default defineSpec({
  interpolation: property({
    arbitrary: batch,
    async check({ real, fake, eps }, ctx) {
      ctx.expectClose(ref.interpolate(real, fake, eps), await ctx.call('interpolate', real, fake, eps), { what: { es: 'x̂', en: 'x̂' } });
      const ones = eps.map(() => 1);
      ctx.expectClose(real, await ctx.call('interpolate', real, fake, ones), { what: { es: 'Con ε = 1, x̂', en: 'With ε = 1, x̂' } });
      const zeros = eps.map(() => 0);
      ctx.expectClose(fake, await ctx.call('interpolate', real, fake, zeros), { what: { es: 'Con ε = 0, x̂', en: 'With ε = 0, x̂' } });
    },
  }),

  'gradient-matches-autodiff': property({
    arbitrary: batch,
    examples: { 'saturated-critic': SATURATED },
    async check({ critic: { W, b, v }, real }, ctx) {
      const x = real[0]!;
      const received = await ctx.call('criticGradient', x, W, b, v);
      ctx.expectClose(ref.criticGradients([x], W, b, v)[0], received, { what: { es: '∇ₓD(x)', en: '∇ₓD(x)' } });
    },
  }),

  'penalty-matches-reference': property({
    arbitrary: batch,
    examples: { 'saturated-critic': SATURATED },
    async check({ critic: { W, b, v }, real, fake, eps, lambda }, ctx) {
      const received = await ctx.call('gradientPenalty', real, fake, eps, W, b, v, lambda);
      ctx.expectClose(ref.gradientPenalty(real, fake, eps, W, b, v, lambda), received, {
        what: { es: `La penalización (λ = ${lambda})`, en: `The penalty (λ = ${lambda})` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ critic: { W, b, v }, real, fake, eps, lambda }, ctx) {
      const i = await ctx.callTracked('interpolate', real, fake, eps);
      if (i.mutated.length > 0) fail({ es: 'interpolate modificó sus argumentos.', en: 'interpolate modified its arguments.' });
      const p = await ctx.callTracked('gradientPenalty', real, fake, eps, W, b, v, lambda);
      if (p.mutated.length > 0) fail({ es: 'gradientPenalty modificó sus argumentos.', en: 'gradientPenalty modified its arguments.' });
    },
  }),
});
