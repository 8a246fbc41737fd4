import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch05-training/dropout.ts';

const P = [0.5, 0.25, 0.1, 0.75] as const;

const layer = fc.record({ n: arb.dim(1, 4), d: arb.dim(1, 6) }).chain(({ n, d }) =>
  fc.record({ x: arb.matrix(n, d), mask: arb.mask(n, d), dy: arb.matrix(n, d), p: fc.constantFrom(...P) }),
);

export default defineSpec({
  'forward-matches-reference': property({
    arbitrary: layer,
    examples: {
      // p = 0: nothing is dropped and the factor is 1/(1 − 0) = 1
      'zero-rate': { x: [[1.5, -2], [0.25, 3]], mask: [[1, 1], [1, 1]], dy: [[1, -1], [0.5, 2]], p: 0 },
      // every unit dropped: the output is all zeros, never NaN
      'all-dropped': { x: [[1.5, -2, 4]], mask: [[0, 0, 0]], dy: [[1, -1, 0.5]], p: 0.75 },
    },
    async check({ x, mask, p }, ctx) {
      ctx.expectClose(ref.dropoutForward(x, mask, p, true), await ctx.call('dropoutForward', x, mask, p, true), {
        what: { es: `dropoutForward(x, mask, ${p}, true)`, en: `dropoutForward(x, mask, ${p}, true)` },
      });
    },
  }),

  'eval-is-identity': property({
    arbitrary: layer,
    async check({ x, mask, p }, ctx) {
      ctx.expectClose(x, await ctx.call('dropoutForward', x, mask, p, false), {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: 'En evaluación (training = false) la salida', en: 'At evaluation (training = false) the output' },
      });
    },
  }),

  'expectation-preserved': property({
    arbitrary: layer,
    async check({ x, p }, ctx) {
      // each unit is kept (mask 1) with probability 1 − p and dropped (mask 0) with probability p
      const kept = (await ctx.call('dropoutForward', x, x.map((r) => r.map(() => 1)), p, true)) as number[][];
      const dropped = (await ctx.call('dropoutForward', x, x.map((r) => r.map(() => 0)), p, true)) as number[][];
      const mean = Array.isArray(kept) && Array.isArray(dropped) ? kept.map((r, i) => (Array.isArray(r) ? r.map((v, j) => (1 - p) * v + p * (dropped[i]?.[j] ?? NaN)) : r)) : kept;
      ctx.expectClose(x, mean, {
        tolerance: { atol: 1e-12, rtol: 1e-12 },
        what: {
          es: `El valor esperado de la salida, (1 − p)·y(m = 1) + p·y(m = 0) con p = ${p}, debe ser x`,
          en: `The expected output, (1 − p)·y(m = 1) + p·y(m = 0) with p = ${p}, must be x`,
        },
      });
    },
  }),

  'backward-matches-autodiff': property({
    arbitrary: layer,
    examples: {
      'zero-rate': { x: [[1.5, -2], [0.25, 3]], mask: [[1, 1], [1, 1]], dy: [[1, -1], [0.5, 2]], p: 0 },
      'all-dropped': { x: [[1.5, -2, 4]], mask: [[0, 0, 0]], dy: [[1, -1, 0.5]], p: 0.75 },
    },
    async check({ dy, mask, p }, ctx) {
      ctx.expectClose(ref.dropoutBackward(dy, mask, p), await ctx.call('dropoutBackward', dy, mask, p), {
        what: { es: 'dx frente a tf.grad', en: 'dx against tf.grad' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ l: layer, training: fc.boolean() }),
    async check({ l: { x, mask, dy, p }, training }, ctx) {
      const a = await ctx.callTracked('dropoutForward', x, mask, p, training);
      const b = await ctx.callTracked('dropoutBackward', dy, mask, p);
      const names = [...a.mutated.map((i) => ['x', 'mask', 'p', 'training'][i] ?? `#${i}`), ...b.mutated.map((i) => ['dy', 'mask', 'p'][i] ?? `#${i}`)];
      if (names.length > 0) fail({ es: `Se modificó el argumento ${names.join(', ')}.`, en: `The argument ${names.join(', ')} was modified.` });
    },
  }),

  'zero-rate-is-identity': property({
    arbitrary: layer,
    async check({ x }, ctx) {
      const ones = x.map((r) => r.map(() => 1));
      ctx.expectClose(x, await ctx.call('dropoutForward', x, ones, 0, true), {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: 'Con p = 0 (y máscara de unos) en entrenamiento la salida', en: 'With p = 0 (and a mask of ones) in training the output' },
      });
    },
  }),
});
