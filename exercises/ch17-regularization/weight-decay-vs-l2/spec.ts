import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { adamL2 as refAdamL2, adamW as refAdamW, type AdamHyper } from '../../../reference/ch17-regularization/weight-decay-vs-l2.ts';

/** Hyper-parameters on binary fractions (exact in float32), several steps so that m, v and the bias correction matter. */
const hyper = (lambda: fc.Arbitrary<number>): fc.Arbitrary<AdamHyper> =>
  fc.record({
    lr: fc.constantFrom(1 / 64, 1 / 32, 1 / 16, 1 / 8),
    lambda,
    beta1: fc.constantFrom(0.9, 0.5),
    beta2: fc.constantFrom(0.999, 0.9),
    eps: fc.constant(1e-8),
    steps: fc.integer({ min: 1, max: 5 }),
  });

/** A small regression problem: X is N×d, y has N entries, w0 has d. */
const problem = fc
  .record({ n: arb.dim(1, 4), d: arb.dim(1, 3) })
  .chain(({ n, d }) =>
    fc.record({
      w0: arb.vector(d, arb.num(2)),
      X: arb.matrix(n, d, arb.num(2)),
      y: arb.vector(n, arb.num(2)),
      hp: hyper(fc.constantFrom(1 / 16, 1 / 8, 1 / 2)),
    }),
  );

/** The statement's edge cases, run first on every grading. */
const edges = {
  // λ = 0: both are plain Adam
  'no-decay': {
    w0: [0.5, -1.5],
    X: [[1, -0.5], [0.25, 2], [-1.5, 1]],
    y: [1, -0.5, 2],
    hp: { lr: 1 / 16, lambda: 0, beta1: 0.9, beta2: 0.999, eps: 1e-8, steps: 4 },
  },
  // X·w0 = y: the first data gradient is 0; w0[1] = 0 has g = 0 at step 1 in both (0/(0 + ε))
  'perfect-fit': {
    w0: [1.5, 0],
    X: [[1, 0], [0, 1], [1, 1]],
    y: [1.5, 0, 1.5],
    hp: { lr: 1 / 8, lambda: 1 / 2, beta1: 0.9, beta2: 0.999, eps: 1e-8, steps: 3 },
  },
};

export default defineSpec({
  'adam-l2-matches-reference': property({
    arbitrary: problem,
    examples: edges,
    async check({ w0, X, y, hp }, ctx) {
      const received = await ctx.call('adamL2', w0, X, y, hp);
      ctx.expectClose(refAdamL2(w0, X, y, hp), received, { what: { es: 'adamL2: pesos finales', en: 'adamL2: final weights' } });
    },
  }),

  'adamw-matches-reference': property({
    arbitrary: problem,
    examples: edges,
    async check({ w0, X, y, hp }, ctx) {
      const received = await ctx.call('adamW', w0, X, y, hp);
      ctx.expectClose(refAdamW(w0, X, y, hp), received, { what: { es: 'adamW: pesos finales', en: 'adamW: final weights' } });
    },
  }),

  'same-without-decay': property({
    arbitrary: problem,
    async check({ w0, X, y, hp }, ctx) {
      const plain = { ...hp, lambda: 0 };
      const coupled = await ctx.call('adamL2', w0, X, y, plain);
      const decoupled = await ctx.call('adamW', w0, X, y, plain);
      ctx.expectClose(coupled, decoupled, {
        what: { es: 'Con λ = 0, adamW frente a adamL2 (ambos deben ser Adam sin más)', en: 'With λ = 0, adamW against adamL2 (both must be plain Adam)' },
      });
    },
  }),

  'adamw-decay-is-geometric': property({
    arbitrary: problem,
    async check({ w0, X, y, hp }, ctx) {
      // With X = 0 the data gradient vanishes: m = v = 0 and AdamW only shrinks, w_T = (1 − ηλ)^T · w0.
      const zeros = X.map((row) => row.map(() => 0));
      const received = await ctx.call('adamW', w0, zeros, y, hp);
      const factor = (1 - hp.lr * hp.lambda) ** hp.steps;
      ctx.expectClose(
        w0.map((w) => w * factor),
        received,
        { what: { es: `adamW con X = 0 (debe ser (1 − ηλ)^T · w0 = ${factor.toPrecision(6)} · w0)`, en: `adamW with X = 0 (must be (1 − ηλ)^T · w0 = ${factor.toPrecision(6)} · w0)` } },
      );
    },
  }),

  'l2-is-normalized-by-adam': property({
    arbitrary: problem,
    async check({ w0, X, y, hp }, ctx) {
      // With X = 0 and one step, the only gradient is λ·w: Adam turns it into ≈ sign(w), so every weight moves by ≈ η.
      const zeros = X.map((row) => row.map(() => 0));
      const one = { ...hp, steps: 1 };
      const received = await ctx.call('adamL2', w0, zeros, y, one);
      const expected = w0.map((w) => w - (hp.lr * hp.lambda * w) / (Math.abs(hp.lambda * w) + hp.eps));
      ctx.expectClose(expected, received, {
        what: { es: 'adamL2 con X = 0 tras un paso (cada peso debe moverse ≈ η hacia 0)', en: 'adamL2 with X = 0 after one step (every weight must move ≈ η towards 0)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: problem,
    async check({ w0, X, y, hp }, ctx) {
      for (const fn of ['adamL2', 'adamW']) {
        const { mutated } = await ctx.callTracked(fn, w0, X, y, hp);
        if (mutated.length > 0) {
          const names = mutated.map((i) => ['w0', 'X', 'y', 'hp'][i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${names}.`, en: `${fn} modified its argument ${names}.` });
        }
      }
    },
  }),
});
