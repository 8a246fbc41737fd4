import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch05-training/huber-loss.ts';

/** Errors on both sides of delta (values up to ±4, delta from 0.25 to 2). */
const pairs = fc.record({ n: arb.dim(1, 8), delta: fc.constantFrom(0.25, 0.5, 1, 2) }).chain(({ n, delta }) =>
  fc.record({ yTrue: arb.vector(n), yPred: arb.vector(n), delta: fc.constant(delta) }),
);

/** The statement's edge cases, run first on every grading. */
const edges = {
  // e = y − ŷ is +δ, −δ and 0 exactly (δ = 0.5): both pieces give ½δ², the gradient ∓δ/N from either side, and 0 at e = 0
  'error-equals-delta': { yTrue: [1, -1, 2, 0.25], yPred: [0.5, -0.5, 2, 0.75], delta: 0.5 },
  // one error of 10⁶ among small ones: linear loss δ(|e| − ½δ), gradient clipped to −δ/N
  'huge-outlier': { yTrue: [0.5, -0.25, 1e6], yPred: [0.25, 0, 0], delta: 1 },
};

export default defineSpec({
  'loss-matches-tf-losses': property({
    arbitrary: pairs,
    examples: edges,
    async check({ yTrue, yPred, delta }, ctx) {
      ctx.expectClose(ref.huberLoss(yTrue, yPred, delta), await ctx.call('huberLoss', yTrue, yPred, delta), {
        what: { es: `huberLoss frente a tf.losses.huberLoss (delta = ${delta})`, en: `huberLoss against tf.losses.huberLoss (delta = ${delta})` },
      });
    },
  }),

  'grad-matches-autodiff': property({
    arbitrary: pairs,
    examples: edges,
    async check({ yTrue, yPred, delta }, ctx) {
      ctx.expectClose(ref.huberGrad(yTrue, yPred, delta), await ctx.call('huberGrad', yTrue, yPred, delta), {
        what: { es: 'Gradiente frente a tf.grad de tf.losses.huberLoss', en: 'Gradient against tf.grad of tf.losses.huberLoss' },
      });
    },
  }),

  'continuous-at-delta': property({
    arbitrary: fc.record({ delta: fc.constantFrom(0.25, 0.5, 1, 2), y: arb.num(), side: fc.constantFrom(-1, 1) }),
    async check({ delta, y, side }, ctx) {
      // errors just inside and just outside |e| = delta must give almost the same loss
      const eps = 1 / 1024;
      const inside = (await ctx.call('huberLoss', [y], [y - side * (delta - eps)], delta)) as number;
      const outside = (await ctx.call('huberLoss', [y], [y - side * (delta + eps)], delta)) as number;
      const jump = Math.abs(outside - inside);
      if (!(jump <= 3 * delta * eps)) {
        fail(
          {
            es: `La pérdida salta de ${inside} a ${outside} al cruzar |e| = delta = ${delta}: los dos tramos deben empalmar (½δ² a ambos lados).`,
            en: `The loss jumps from ${inside} to ${outside} when crossing |e| = delta = ${delta}: the two pieces must join (½δ² on both sides).`,
          },
          { expected: inside, received: outside },
        );
      }
    },
  }),

  'bounded-gradient': property({
    arbitrary: pairs,
    examples: { 'huge-outlier': edges['huge-outlier'] },
    async check({ yTrue, yPred, delta }, ctx) {
      const g = (await ctx.call('huberGrad', yTrue, yPred, delta)) as number[];
      const bound = delta / yTrue.length + 1e-12;
      const worst = Array.isArray(g) ? g.findIndex((v) => !(Math.abs(v) <= bound)) : 0;
      if (worst >= 0) {
        fail(
          {
            es: `|gradiente| debe ser ≤ delta/N = ${bound} (la pérdida es lineal lejos de 0, así que los valores atípicos no dominan); en el índice ${worst} vale ${String(Array.isArray(g) ? g[worst] : g)}.`,
            en: `|gradient| must be ≤ delta/N = ${bound} (the loss is linear far from 0, so outliers do not dominate); at index ${worst} it is ${String(Array.isArray(g) ? g[worst] : g)}.`,
          },
          { received: g },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: pairs,
    async check({ yTrue, yPred, delta }, ctx) {
      for (const fn of ['huberLoss', 'huberGrad']) {
        const { mutated } = await ctx.callTracked(fn, yTrue, yPred, delta);
        if (mutated.length > 0) {
          const names = mutated.map((i) => ['yTrue', 'yPred', 'delta'][i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${names}.`, en: `${fn} modified its argument ${names}.` });
        }
      }
    },
  }),

  'small-errors-are-half-mse': property({
    arbitrary: fc.record({ n: arb.dim(1, 6) }).chain(({ n }) => fc.record({ yTrue: arb.vector(n, arb.num(1)), noise: arb.vector(n, arb.numIn(-0.5, 0.5)) })),
    async check({ yTrue, noise }, ctx) {
      const yPred = yTrue.map((y, i) => y + noise[i]!);
      const mse = noise.reduce((a, e) => a + e * e, 0) / noise.length;
      ctx.expectClose(mse / 2, await ctx.call('huberLoss', yTrue, yPred, 1), {
        tolerance: { atol: 1e-12, rtol: 1e-12 },
        what: { es: 'Con todos los |e| ≤ delta la pérdida de Huber es MSE/2', en: 'With every |e| ≤ delta the Huber loss is MSE/2' },
      });
    },
  }),
});
