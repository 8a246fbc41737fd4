import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { EPSILON, focalLoss as reference } from '../../../reference/ch15-losses/focal-loss.ts';

type Label = 0 | 1;
const label = fc.constantFrom<Label>(0, 1);
const gammas = fc.constantFrom(0, 0.5, 1, 2, 5);
const alphas = fc.constantFrom(0.25, 0.5, 0.75, 0.9);

/** A batch of predictions (0 and 1 included, so clipping matters) and labels. */
const batch = arb.dim(1, 8).chain((n) =>
  fc.record({ p: arb.vector(n, arb.prob()), y: fc.array(label, { minLength: n, maxLength: n }), gamma: gammas, alpha: alphas }),
);

/** Predictions away from 0 and 1, where no clipping happens. */
const inner = fc.integer({ min: 1, max: 15 }).map((k) => k / 16);

export default defineSpec({
  'matches-reference': property({
    arbitrary: batch,
    examples: {
      // p̂ = 0 and 1 against the opposite label (log 0 without the clip), and with their own label
      'certain-predictions': { p: [0, 1, 1, 0], y: [1, 0, 1, 0] as (0 | 1)[], gamma: 2, alpha: 0.25 },
    },
    async check({ p, y, gamma, alpha }, ctx) {
      ctx.expectClose(reference(p, y, gamma, alpha), await ctx.call('focalLoss', p, y, gamma, alpha));
    },
  }),

  'reduces-to-bce': property({
    arbitrary: arb.dim(1, 8).chain((n) => fc.record({ p: arb.vector(n, inner), y: fc.array(label, { minLength: n, maxLength: n }) })),
    async check({ p, y }, ctx) {
      const bce = p.reduce((acc, pi, i) => acc - (y[i] === 1 ? Math.log(pi) : Math.log(1 - pi)), 0) / p.length;
      ctx.expectClose(0.5 * bce, await ctx.call('focalLoss', p, y, 0, 0.5), {
        what: {
          es: 'Con γ = 0 y α = 0.5 la focal loss debe ser 0.5 · BCE (la entropía cruzada binaria media)',
          en: 'With γ = 0 and α = 0.5 the focal loss must be 0.5 · BCE (the mean binary cross-entropy)',
        },
      });
    },
  }),

  'down-weights-easy': property({
    arbitrary: fc.record({ pt: fc.integer({ min: 8, max: 15 }).map((k) => k / 16), y: label, gamma: fc.constantFrom(0.5, 1, 2, 5), alpha: alphas }),
    async check({ pt, y, gamma, alpha }, ctx) {
      // a correct, confident prediction: p_t ≥ 0.5 for the true class
      const p = y === 1 ? pt : 1 - pt;
      const focal = await ctx.call('focalLoss', [p], [y], gamma, alpha);
      const weightedCe = await ctx.call('focalLoss', [p], [y], 0, alpha);
      if (typeof focal !== 'number' || typeof weightedCe !== 'number') {
        fail({ es: 'focalLoss debe devolver un número.', en: 'focalLoss must return a number.' }, { received: typeof focal !== 'number' ? focal : weightedCe });
      }
      ctx.expectClose(reference([p], [y], gamma, alpha), focal, { tolerance: { atol: 1e-6, rtol: 1e-5 } });
      const factor = (1 - pt) ** gamma;
      ctx.expectClose(factor * weightedCe, focal, {
        what: {
          es: `Un acierto fácil (y = ${y}, p = ${p}, p_t = ${pt}) debe pesar (1 − p_t)^γ = ${factor.toPrecision(4)} veces su pérdida con γ = 0; focalLoss con γ = ${gamma}`,
          en: `An easy hit (y = ${y}, p = ${p}, p_t = ${pt}) must weigh (1 − p_t)^γ = ${factor.toPrecision(4)} times its γ = 0 loss; focalLoss with γ = ${gamma}`,
        },
      });
    },
  }),

  clipping: property({
    arbitrary: fc.record({ gamma: gammas, alpha: alphas, wrong: fc.constantFrom<[number, Label]>([0, 1], [1, 0]) }),
    async check({ gamma, alpha, wrong: [p, y] }, ctx) {
      const alphaT = y === 1 ? alpha : 1 - alpha;
      const expected = -alphaT * (1 - EPSILON) ** gamma * Math.log(EPSILON);
      ctx.expectClose(expected, await ctx.call('focalLoss', [p], [y], gamma, alpha), {
        what: {
          es: `Una predicción p = ${p} con y = ${y} (error total) debe recortarse a ε = 1e-7 y dar una pérdida finita`,
          en: `A prediction p = ${p} with y = ${y} (completely wrong) must be clipped to ε = 1e-7 and give a finite loss`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ p, y, gamma, alpha }, ctx) {
      const { value, mutated } = await ctx.callTracked('focalLoss', p, y, gamma, alpha);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['p', 'y', 'gamma', 'alpha'][i] ?? `#${i}`).join(', ');
        fail({ es: `focalLoss modificó su argumento ${names}.`, en: `focalLoss modified its argument ${names}.` });
      }
      ctx.expectClose(reference(p, y, gamma, alpha), value, { tolerance: { atol: 1e-6, rtol: 1e-5 } });
    },
  }),

  'batch-duplication': property({
    arbitrary: batch,
    async check({ p, y, gamma, alpha }, ctx) {
      const once = await ctx.call('focalLoss', p, y, gamma, alpha);
      const twice = await ctx.call('focalLoss', [...p, ...p], [...y, ...y], gamma, alpha);
      ctx.expectClose(reference(p, y, gamma, alpha), once, { tolerance: { atol: 1e-6, rtol: 1e-5 } });
      ctx.expectClose(once, twice, {
        what: {
          es: 'Es una media: repetir el lote dos veces no debe cambiar la pérdida',
          en: 'It is a mean: repeating the batch twice must not change the loss',
        },
      });
    },
  }),
});
