import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch02-math/gradient-check.ts';

/** W (m×n) and x (n), with m and n drawn independently so that a transposed Jacobian has the wrong shape. */
const layer = fc.record({ m: arb.dim(1, 4), n: arb.dim(1, 4) }).chain(({ m, n }) => fc.record({ W: arb.matrix(m, n, arb.num(2)), x: arb.vector(n, arb.num(2)) }));

const pair = fc.record({ m: arb.dim(1, 4), n: arb.dim(1, 4) }).chain(({ m, n }) => fc.record({ A: arb.matrix(m, n), B: arb.matrix(m, n) }));

export default defineSpec({
  'forward-matches-reference': property({
    arbitrary: layer,
    async check({ W, x }, ctx) {
      ctx.expectClose(ref.tanhLayer(W, x), await ctx.call('tanhLayer', W, x));
    },
  }),

  'analytic-matches-autodiff': property({
    arbitrary: layer,
    async check({ W, x }, ctx) {
      ctx.expectClose(ref.analyticJacobian(W, x), await ctx.call('analyticJacobian', W, x), {
        what: { es: 'Jacobiano analítico frente a tf.grad', en: 'Analytic Jacobian against tf.grad' },
      });
    },
  }),

  'numerical-matches-reference': property({
    arbitrary: fc.record({ layer, h: fc.constantFrom(0.5, 0.25, 0.125) }),
    async check({ layer: { W, x }, h }, ctx) {
      ctx.expectClose(ref.numericalJacobian(W, x, h), await ctx.call('numericalJacobian', W, x, h), {
        what: { es: `Diferencias centrales con h = ${h}`, en: `Central differences with h = ${h}` },
      });
    },
  }),

  'agrees-with-autodiff-small-h': property({
    arbitrary: layer,
    async check({ W, x }, ctx) {
      ctx.expectClose(ref.analyticJacobian(W, x), await ctx.call('numericalJacobian', W, x, 1e-3), {
        what: { es: 'Jacobiano numérico con h = 1e-3 frente a tf.grad', en: 'Numerical Jacobian with h = 1e-3 against tf.grad' },
      });
    },
  }),

  'relative-error-matches-reference': property({
    arbitrary: pair,
    async check({ A, B }, ctx) {
      ctx.expectClose(ref.relativeError(A, B), await ctx.call('relativeError', A, B));
    },
  }),

  'relative-error-of-equal-matrices': property({
    arbitrary: fc.record({ m: arb.dim(1, 4), n: arb.dim(1, 4), zero: fc.boolean() }).chain(({ m, n, zero }) =>
      zero ? fc.constant(Array.from({ length: m }, () => new Array<number>(n).fill(0))) : arb.matrix(m, n),
    ),
    examples: {
      // ‖A − B‖ / (‖A‖ + ‖B‖) is 0/0 here
      'both-zero': [
        [0, 0, 0],
        [0, 0, 0],
      ],
    },
    async check(A, ctx) {
      const received = await ctx.call('relativeError', A, A.map((row) => [...row]));
      if (received !== 0) {
        fail(
          {
            es: `relativeError(A, A) debe ser 0 (también cuando A es nula, donde queda 0/0); obtuviste ${String(received)}.`,
            en: `relativeError(A, A) must be 0 (also when A is all zeros, where it is 0/0); you got ${String(received)}.`,
          },
          { expected: 0, received },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.tuple(layer, pair),
    async check([{ W, x }, { A, B }], ctx) {
      const calls: [string, unknown[], string[]][] = [
        ['tanhLayer', [W, x], ['W', 'x']],
        ['analyticJacobian', [W, x], ['W', 'x']],
        ['numericalJacobian', [W, x, 0.25], ['W', 'x', 'h']],
        ['relativeError', [A, B], ['A', 'B']],
      ];
      for (const [fn, args, names] of calls) {
        const { mutated } = await ctx.callTracked(fn, ...args);
        if (mutated.length > 0) {
          const which = mutated.map((i) => names[i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${which}.`, en: `${fn} modified its argument ${which}.` });
        }
      }
    },
  }),

  'gradient-check-passes': property({
    arbitrary: layer,
    async check({ W, x }, ctx) {
      const analytic = await ctx.call('analyticJacobian', W, x);
      const numerical = await ctx.call('numericalJacobian', W, x, 1e-4);
      const err = (await ctx.call('relativeError', analytic, numerical)) as number;
      if (!(typeof err === 'number' && err < 1e-6)) {
        fail(
          {
            es: `Tu propio gradient check falla: relativeError(analítico, numérico con h = 1e-4) = ${String(err)}, y con una implementación correcta es < 1e-6.`,
            en: `Your own gradient check fails: relativeError(analytic, numerical with h = 1e-4) = ${String(err)}, and with a correct implementation it is < 1e-6.`,
          },
          { received: err },
        );
      }
    },
  }),
});
