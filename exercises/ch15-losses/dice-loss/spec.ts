import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { diceLoss as reference } from '../../../reference/ch15-losses/dice-loss.ts';

/** For comparisons with the float32 reference inside properties declared with a tighter tolerance. */
const FLOAT32 = { atol: 1e-6, rtol: 1e-5 };

/** A prediction/target pair of the same H×W, with a smoothing term. */
const masks = fc
  .record({ h: arb.dim(1, 6), w: arb.dim(1, 6) })
  .chain(({ h, w }) => fc.record({ pred: arb.matrix(h, w, arb.prob()), target: arb.mask(h, w), smooth: fc.constantFrom(1, 0.5, 2, 0.01) }));

export default defineSpec({
  'matches-reference': property({
    arbitrary: masks,
    examples: {
      // both masks empty: s keeps it off 0/0 and the loss is 1 − s/s = 0
      'both-empty': { pred: [[0, 0], [0, 0]], target: [[0, 0], [0, 0]], smooth: 1 },
    },
    async check({ pred, target, smooth }, ctx) {
      const received = await ctx.call('diceLoss', pred, target, smooth);
      ctx.expectClose(reference(pred, target, smooth), received);
    },
  }),

  'default-smooth': property({
    arbitrary: masks,
    async check({ pred, target }, ctx) {
      const received = await ctx.call('diceLoss', pred, target);
      ctx.expectClose(reference(pred, target, 1), received, {
        what: { es: 'diceLoss(pred, target) sin smooth', en: 'diceLoss(pred, target) without smooth' },
      });
    },
  }),

  'perfect-and-disjoint': property({
    arbitrary: fc.record({ h: arb.dim(1, 5), w: arb.dim(1, 5) }).chain(({ h, w }) => arb.mask(h, w)),
    async check(target, ctx) {
      const perfect = await ctx.call('diceLoss', target, target, 1);
      ctx.expectClose(0, perfect, {
        what: { es: 'Con pred = target la pérdida', en: 'With pred = target the loss' },
      });
      const inverse = target.map((row) => row.map((v) => 1 - v));
      const total = target.flat().length;
      const disjoint = await ctx.call('diceLoss', inverse, target, 1);
      // no overlap: 1 − s / (Σp + Σt + s) = 1 − 1 / (total + 1)
      ctx.expectClose(1 - 1 / (total + 1), disjoint, {
        what: { es: 'Con máscaras disjuntas (pred = 1 − target) la pérdida', en: 'With disjoint masks (pred = 1 − target) the loss' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: masks,
    async check({ pred, target, smooth }, ctx) {
      const { value, mutated } = await ctx.callTracked('diceLoss', pred, target, smooth);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['pred', 'target', 'smooth'][i] ?? `#${i}`).join(', ');
        fail({ es: `diceLoss modificó su argumento ${names}.`, en: `diceLoss modified its argument ${names}.` });
      }
      // leaving the arguments alone only counts for a function that computes the loss
      ctx.expectClose(reference(pred, target, smooth), value);
    },
  }),

  'batch-shape-invariance': property({
    arbitrary: masks,
    async check({ pred, target, smooth }, ctx) {
      const square = await ctx.call('diceLoss', pred, target, smooth);
      ctx.expectClose(reference(pred, target, smooth), square, { tolerance: FLOAT32 });
      const flat = await ctx.call('diceLoss', [pred.flat()], [target.flat()], smooth);
      ctx.expectClose(square, flat, {
        what: { es: 'La pérdida de la máscara aplanada a 1×(H·W)', en: 'The loss of the mask flattened to 1×(H·W)' },
      });
    },
  }),
});
