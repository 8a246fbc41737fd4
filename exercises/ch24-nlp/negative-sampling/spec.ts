import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch24-nlp/negative-sampling.ts';

const example = (max: number) =>
  fc.record({ d: arb.dim(1, 5), k: arb.dim(1, 4) }).chain(({ d, k }) =>
    fc.record({ center: arb.vector(d, arb.num(max)), context: arb.vector(d, arb.num(max)), negatives: arb.matrix(k, d, arb.num(max)) }),
  );

/**
 * Edge case (exercise.yaml `edgeCases`): a confidently wrong model, v_o·v_i = −2000 and negative
 * scores 2000 and 1100: σ is exactly 0 or 1 in float64 and e^1100 overflows to Infinity.
 */
const SATURATED = { center: [40, -20], context: [-40, 20], negatives: [[40, -20], [30, 5]] };

/** The loss in float64, for the descent check (the float32 reference cannot resolve a 1e-3 step). */
function loss64(center: number[], context: number[], negatives: number[][]): number {
  const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  return softplus(-dot(context, center)) + negatives.reduce((sum, n) => sum + softplus(dot(n, center)), 0);
}

export default defineSpec({
  'loss-matches-reference': property({
    arbitrary: example(1.5),
    examples: { 'saturated-scores': SATURATED },
    async check({ center, context, negatives }, ctx) {
      ctx.expectClose(ref.negativeSamplingLoss(center, context, negatives), await ctx.call('negativeSamplingLoss', center, context, negatives), {
        what: { es: 'L_NS', en: 'L_NS' },
      });
    },
  }),

  'grads-match-autodiff': property({
    arbitrary: example(1.5),
    examples: { 'saturated-scores': SATURATED },
    async check({ center, context, negatives }, ctx) {
      ctx.expectClose(ref.negativeSamplingGrads(center, context, negatives), await ctx.call('negativeSamplingGrads', center, context, negatives), {
        what: { es: 'Los gradientes', en: 'The gradients' },
      });
    },
  }),

  'stable-for-large-scores': property({
    // a confidently wrong model: the real context points away from the center and every negative along it,
    // so the scores reach thousands and σ rounds to exactly 0 or 1 in float64
    arbitrary: example(1.5)
      .filter(({ center }) => center.reduce((s, x) => s + x * x, 0) >= 0.25)
      .map(({ center, negatives }) => ({
        center: center.map((x) => 64 * x),
        context: center.map((x) => -64 * x),
        negatives: negatives.map(() => center.map((x) => 64 * x)),
      })),
    async check({ center, context, negatives }, ctx) {
      ctx.expectClose(ref.negativeSamplingLoss(center, context, negatives), await ctx.call('negativeSamplingLoss', center, context, negatives), {
        what: { es: 'L_NS con productos escalares grandes', en: 'L_NS with large dot products' },
      });
    },
  }),

  'descent-step-lowers-loss': property({
    arbitrary: example(1.5),
    async check({ center, context, negatives }, ctx) {
      const g = (await ctx.call('negativeSamplingGrads', center, context, negatives)) as { dCenter: number[]; dContext: number[]; dNegatives: number[][] };
      if (!Array.isArray(g?.dCenter) || !Array.isArray(g?.dContext) || !Array.isArray(g?.dNegatives)) {
        fail({ es: 'negativeSamplingGrads debe devolver { dCenter, dContext, dNegatives }.', en: 'negativeSamplingGrads must return { dCenter, dContext, dNegatives }.' });
      }
      const step = 1e-3;
      const moved = (v: number[], d: number[]) => v.map((x, i) => x - step * d[i]!);
      const before = loss64(center, context, negatives);
      // one block at a time, so that a wrong sign in one block is not hidden by the others
      const blocks: [string, number[], () => number][] = [
        ['dCenter', g.dCenter, () => loss64(moved(center, g.dCenter), context, negatives)],
        ['dContext', g.dContext, () => loss64(center, moved(context, g.dContext), negatives)],
        ['dNegatives', g.dNegatives.flat(), () => loss64(center, context, negatives.map((v, k) => moved(v, g.dNegatives[k]!)))],
      ];
      for (const [name, grad, lossAfter] of blocks) {
        if (!(grad.reduce((sum, x) => sum + x * x, 0) > 1e-6)) continue; // no slope to follow
        const after = lossAfter();
        if (!(after < before)) {
          fail({
            es: `Tras un paso de 0.001 contra ${name} la pérdida pasó de ${before} a ${after}: debería bajar.`,
            en: `After a 0.001 step against ${name} the loss went from ${before} to ${after}: it should go down.`,
          });
        }
      }
    },
  }),

  'no-mutation': property({
    arbitrary: example(1.5),
    async check({ center, context, negatives }, ctx) {
      for (const fn of ['negativeSamplingLoss', 'negativeSamplingGrads']) {
        const { mutated } = await ctx.callTracked(fn, center, context, negatives);
        if (mutated.length > 0) fail({ es: `${fn} modificó sus argumentos.`, en: `${fn} modified its arguments.` });
      }
    },
  }),
});
