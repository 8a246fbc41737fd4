import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { klGradients as refGrads, reparameterize as refReparam, vaeLoss as refLoss } from '../../../reference/ch27-generative-models/vae-loss.ts';

const latent = fc.record({ b: arb.dim(1, 4), d: arb.dim(1, 4) }).chain(({ b, d }) =>
  fc.record({ mu: arb.matrix(b, d, arb.num(2)), logvar: arb.matrix(b, d, arb.num(2)), eps: arb.matrix(b, d, arb.num(2)) }),
);

/** Probabilities strictly inside (0, 1), as a sigmoid decoder produces them. */
const openProb = fc.integer({ min: 1, max: 15 }).map((k) => k / 16);

const batch = fc.record({ b: arb.dim(1, 4), d: arb.dim(1, 3), features: arb.dim(1, 6) }).chain(({ b, d, features }) =>
  fc.record({
    x: arb.matrix(b, features, arb.prob()),
    xHat: arb.matrix(b, features, openProb),
    mu: arb.matrix(b, d, arb.num(2)),
    logvar: arb.matrix(b, d, arb.num(2)),
    beta: fc.constantFrom(0, 0.5, 1, 4),
  }),
);

export default defineSpec({
  'reparameterize-matches-reference': property({
    arbitrary: latent,
    async check({ mu, logvar, eps }, ctx) {
      const received = await ctx.call('reparameterize', mu, logvar, eps);
      ctx.expectClose(refReparam(mu, logvar, eps), received, { what: { es: 'z', en: 'z' } });
    },
  }),

  'loss-matches-reference': property({
    arbitrary: batch,
    async check({ x, xHat, mu, logvar, beta }, ctx) {
      const received = await ctx.call('vaeLoss', x, xHat, mu, logvar, beta);
      ctx.expectClose(refLoss(x, xHat, mu, logvar, beta), received, { what: { es: `vaeLoss(…, β = ${beta})`, en: `vaeLoss(…, β = ${beta})` } });
    },
  }),

  'kl-is-a-divergence': property({
    arbitrary: batch,
    async check({ x, xHat, mu, logvar }, ctx) {
      const random = (await ctx.call('vaeLoss', x, xHat, mu, logvar, 1)) as { kl: number };
      if (!(typeof random?.kl === 'number' && random.kl >= -1e-12)) {
        fail({ es: `La KL vale ${random?.kl}: una divergencia KL nunca es negativa.`, en: `The KL is ${random?.kl}: a KL divergence is never negative.` }, { received: random?.kl });
      }
      const zeros = mu.map((row) => row.map(() => 0));
      const prior = (await ctx.call('vaeLoss', x, xHat, zeros, zeros, 1)) as { kl: number };
      ctx.expectClose(0, prior?.kl, {
        what: { es: 'Con μ = 0 y logvar = 0 (q coincide con el prior) la KL', en: 'With μ = 0 and logvar = 0 (q equals the prior) the KL' },
      });
    },
  }),

  'kl-gradients-match-autodiff': property({
    arbitrary: latent,
    async check({ mu, logvar }, ctx) {
      const received = await ctx.call('klGradients', mu, logvar);
      ctx.expectClose(refGrads(mu, logvar), received, { what: { es: 'klGradients', en: 'klGradients' } });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ batch, latent }),
    async check({ batch: { x, xHat, mu, logvar, beta }, latent }, ctx) {
      const names = ['x', 'xHat', 'mu', 'logvar'];
      const loss = await ctx.callTracked('vaeLoss', x, xHat, mu, logvar, beta);
      if (loss.mutated.length > 0) {
        fail({ es: `vaeLoss modificó ${loss.mutated.map((i) => names[i] ?? `#${i}`).join(', ')}.`, en: `vaeLoss modified ${loss.mutated.map((i) => names[i] ?? `#${i}`).join(', ')}.` });
      }
      const z = await ctx.callTracked('reparameterize', latent.mu, latent.logvar, latent.eps);
      if (z.mutated.length > 0) {
        const which = z.mutated.map((i) => ['mu', 'logvar', 'eps'][i] ?? `#${i}`).join(', ');
        fail({ es: `reparameterize modificó ${which}.`, en: `reparameterize modified ${which}.` });
      }
      const g = await ctx.callTracked('klGradients', latent.mu, latent.logvar);
      if (g.mutated.length > 0) fail({ es: 'klGradients modificó sus argumentos.', en: 'klGradients modified its arguments.' });
    },
  }),
});
