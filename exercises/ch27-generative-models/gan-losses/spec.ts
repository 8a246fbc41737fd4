import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch27-generative-models/gan-losses.ts';

const logits = (max: number) => fc.integer({ min: 1, max: 6 }).chain((n) => arb.vector(n, arb.num(max)));

/** Mostly huge logits, where σ rounds to 0 or 1. */
const huge = fc.integer({ min: 1, max: 5 }).chain((n) => arb.vector(n, fc.oneof(fc.constantFrom(-100, -60, -30, 30, 60, 100), arb.num(4))));

const kind = fc.constantFrom('minimax' as const, 'non-saturating' as const);

export default defineSpec({
  'discriminator-matches-reference': property({
    arbitrary: fc.record({ real: logits(6), fake: logits(6) }),
    examples: {
      // each term is the mean over its own batch, not over the other one's size nor over both together
      'different-batch-sizes': { real: [2.5], fake: [-1, 0.5, 3, -4] },
    },
    async check({ real, fake }, ctx) {
      const received = await ctx.call('discriminatorLoss', real, fake);
      ctx.expectClose(ref.discriminatorLoss(real, fake), received, { what: { es: 'discriminatorLoss', en: 'discriminatorLoss' } });
    },
  }),

  'generator-matches-reference': property({
    arbitrary: fc.record({ fake: logits(6), kind }),
    examples: {
      // −log σ(−100) = 100 and −log σ(100) ≈ 0: log(σ(−100)) after the sigmoid is log 0 = −∞
      'saturated-logits': { fake: [-100, 100], kind: 'non-saturating' as const },
    },
    async check({ fake, kind }, ctx) {
      const received = await ctx.call('generatorLoss', fake, kind);
      ctx.expectClose(ref.generatorLoss(fake, kind), received, { what: { es: `generatorLoss(…, '${kind}')`, en: `generatorLoss(…, '${kind}')` } });
    },
  }),

  'stable-for-large-logits': property({
    arbitrary: fc.record({ real: huge, fake: huge, kind }),
    examples: {
      // a real logit of −100 and a fake one of 100: log σ(−100) and log(1 − σ(100)) are log 0 after the sigmoid
      'saturated-logits': { real: [100, -100], fake: [-100, 100], kind: 'minimax' as const },
    },
    async check({ real, fake, kind }, ctx) {
      const d = await ctx.call('discriminatorLoss', real, fake);
      ctx.expectClose(ref.discriminatorLoss(real, fake), d, { what: { es: 'discriminatorLoss con logits grandes', en: 'discriminatorLoss with large logits' } });
      const g = await ctx.call('generatorLoss', fake, kind);
      ctx.expectClose(ref.generatorLoss(fake, kind), g, {
        what: { es: `generatorLoss(…, '${kind}') con logits grandes`, en: `generatorLoss(…, '${kind}') with large logits` },
      });
    },
  }),

  'wgan-matches-reference': property({
    arbitrary: fc.record({
      real: logits(4),
      fake: logits(4),
      weights: fc.record({ r: arb.dim(1, 4), c: arb.dim(1, 4) }).chain(({ r, c }) => arb.matrix(r, c, arb.num(1))),
      c: fc.constantFrom(0.01, 0.125, 0.5),
    }),
    async check({ real, fake, weights, c }, ctx) {
      const losses = await ctx.call('wganLosses', real, fake);
      ctx.expectClose(ref.wganLosses(real, fake), losses, { what: { es: 'wganLosses', en: 'wganLosses' } });
      const clipped = await ctx.call('clipWeights', weights, c);
      ctx.expectClose(ref.clipWeights(weights, c), clipped, { what: { es: `clipWeights(…, c = ${c})`, en: `clipWeights(…, c = ${c})` } });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({
      real: logits(4),
      fake: logits(4),
      weights: fc.record({ r: arb.dim(1, 4), c: arb.dim(1, 4) }).chain(({ r, c }) => arb.matrix(r, c, arb.num(1))),
    }),
    async check({ real, fake, weights }, ctx) {
      const clip = await ctx.callTracked('clipWeights', weights, 0.125);
      if (clip.mutated.length > 0) fail({ es: 'clipWeights modificó la matriz de pesos que recibió.', en: 'clipWeights modified the weight matrix it received.' });
      for (const fn of ['discriminatorLoss', 'wganLosses']) {
        const r = await ctx.callTracked(fn, real, fake);
        if (r.mutated.length > 0) fail({ es: `${fn} modificó sus argumentos.`, en: `${fn} modified its arguments.` });
      }
    },
  }),

  'generator-prefers-higher-logits': property({
    arbitrary: fc.record({ fake: logits(6), kind }),
    async check({ fake, kind }, ctx) {
      const before = (await ctx.call('generatorLoss', fake, kind)) as number;
      const after = (await ctx.call('generatorLoss', fake.map((l) => l + 1), kind)) as number;
      if (!(typeof before === 'number' && typeof after === 'number' && after < before)) {
        fail(
          {
            es: `generatorLoss(…, '${kind}') pasó de ${before} a ${after} al subir 1 todos los logits falsos; debería bajar.`,
            en: `generatorLoss(…, '${kind}') went from ${before} to ${after} when every fake logit went up by 1; it should go down.`,
          },
          { expected: `< ${before}`, received: after },
        );
      }
    },
  }),
});
