import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { meanGradient, perExampleGrads as reference, type PerExample } from '../../../reference/ch21-jax/per-example-grads.ts';

/** A dense tanh layer (n_in×n_out) and a batch of 1–5 examples with targets in [−1, 1]. */
const batch = fc
  .record({ n: arb.dim(1, 5), nIn: arb.dim(1, 3), nOut: arb.dim(1, 3) })
  .chain(({ n, nIn, nOut }) =>
    fc.record({
      params: fc.record({ W: arb.matrix(nIn, nOut, arb.num(1)), b: arb.vector(nOut, arb.num(1)) }),
      X: arb.matrix(n, nIn, arb.num(1.5)),
      Y: arb.matrix(n, nOut, arb.numIn(-1, 1)),
    }),
  );

/**
 * Edge case (exercise.yaml `edgeCases`): pre-activations 400, −799.5 and 102 saturate tanh (a = ±1
 * exactly, tanh' = 0); e^{2z} overflows to Infinity for the first two.
 */
const SATURATED = {
  params: { W: [[200, 0.5], [-1, 0.25]], b: [1, -0.5] },
  X: [[2, 1], [-4, 0.5], [0.5, -1]],
  Y: [[0.5, -0.25], [-1, 0.75], [1, 0]],
};

const asPerExample = (value: unknown): PerExample => {
  const v = value as PerExample;
  if (!v || !Array.isArray(v.loss) || !Array.isArray(v.W) || !Array.isArray(v.b)) {
    fail({ es: 'perExampleGrads debe devolver { loss, W, b }.', en: 'perExampleGrads must return { loss, W, b }.' });
  }
  return v;
};

/** A student's entry as a number (NaN when it is anything else), safe to add. */
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

export default defineSpec({
  'matches-reference': property({
    arbitrary: batch,
    examples: { 'saturated-units': SATURATED },
    async check({ params, X, Y }, ctx) {
      const received = await ctx.call('perExampleGrads', params, X, Y);
      ctx.expectClose(reference(params, X, Y), received, { what: { es: 'perExampleGrads', en: 'perExampleGrads' } });
    },
  }),

  'mean-is-batch-gradient': property({
    arbitrary: batch,
    examples: { 'saturated-units': SATURATED },
    async check({ params, X, Y }, ctx) {
      // the mean of the per-example gradients must be the gradient of the mean loss
      const r = asPerExample(await ctx.call('perExampleGrads', params, X, Y));
      const n = X.length;
      const meanW = params.W.map((row, i) => row.map((_, j) => r.W.reduce((s, g) => s + num(g?.[i]?.[j]), 0) / n));
      const meanB = params.b.map((_, j) => r.b.reduce((s, g) => s + num(g?.[j]), 0) / n);
      ctx.expectClose(meanGradient(params, X, Y), { W: meanW, b: meanB }, {
        what: { es: 'La media de tus gradientes por ejemplo frente a grad de la pérdida media del lote', en: 'The mean of your per-example gradients against grad of the batch mean loss' },
      });
    },
  }),

  'examples-are-independent': property({
    arbitrary: batch,
    async check({ params, X, Y }, ctx) {
      // vmap maps: example i's result cannot depend on the other examples, so reversing the batch reverses the results
      const forward = asPerExample(await ctx.call('perExampleGrads', params, X, Y));
      const reversed = asPerExample(await ctx.call('perExampleGrads', params, [...X].reverse(), [...Y].reverse()));
      ctx.expectClose({ loss: [...forward.loss].reverse(), W: [...forward.W].reverse(), b: [...forward.b].reverse() }, reversed, {
        what: { es: 'Con el lote invertido, los resultados (deben salir invertidos)', en: 'With the batch reversed, the results (must come out reversed)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ params, X, Y }, ctx) {
      const { mutated } = await ctx.callTracked('perExampleGrads', params, X, Y);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['params', 'X', 'Y'][i] ?? `#${i}`).join(', ');
        fail({ es: `perExampleGrads modificó su argumento ${names}: en JAX las funciones son puras.`, en: `perExampleGrads modified its argument ${names}: in JAX functions are pure.` });
      }
    },
  }),
});
