import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { saliency as reference, type Mlp } from '../../../reference/ch28-interpretability/saliency.ts';

interface Case {
  net: Mlp;
  x: number[];
  c: number;
}

/**
 * A small MLP, an input and a class. Half of the cases force one hidden pre-activation to be exactly
 * 0 (b1[j] = −x·W1[:, j]) so that the ReLU'(0) convention is exercised.
 */
const cases: fc.Arbitrary<Case> = fc
  .record({ d: arb.dim(1, 5), h: arb.dim(1, 5), k: arb.dim(1, 4) })
  .chain(({ d, h, k }) =>
    fc.record({
      net: fc.record({ W1: arb.matrix(d, h, arb.num(2)), b1: arb.vector(h, arb.num(2)), W2: arb.matrix(h, k, arb.num(2)), b2: arb.vector(k, arb.num(2)) }),
      x: arb.vector(d, arb.num(2)),
      c: fc.integer({ min: 0, max: k - 1 }),
      tie: fc.option(fc.integer({ min: 0, max: h - 1 }), { nil: undefined }),
    }),
  )
  .map(({ net, x, c, tie }) => {
    if (tie === undefined) return { net, x, c };
    const b1 = net.b1.slice();
    b1[tie] = -x.reduce((s, xi, i) => s + xi * net.W1[i]![tie]!, 0) + 0;
    return { net: { ...net, b1 }, x, c };
  });

/** The reference tolerance, for invariant properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-5, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases,
    examples: {
      // the first hidden unit's pre-activation is exactly 0: ReLU'(0) = 0, so it passes no gradient
      'relu-at-zero': { net: { W1: [[1, -1], [0.5, 2]], b1: [-1.5, 0.5], W2: [[2, -1], [1, 0.5]], b2: [0, 0] }, x: [1, 1], c: 0 },
    },
    async check({ net, x, c }, ctx) {
      const received = await ctx.call('saliency', net, x, c);
      ctx.expectClose(reference(net, x, c), received);
    },
  }),

  'dead-relu-is-blind': property({
    arbitrary: cases,
    async check({ net, x, c }, ctx) {
      // every hidden unit is off (a_j ≤ 5·2·2 − 100 < 0): the class score is constant near x
      const dead = { ...net, b1: net.b1.map(() => -100) };
      const received = await ctx.call('saliency', dead, x, c);
      ctx.expectClose(x.map(() => 0), received, {
        what: { es: 'Con todas las ReLU apagadas (b1 = −100) la saliencia', en: 'With every ReLU off (b1 = −100) the saliency' },
      });
      ctx.expectClose(reference(net, x, c), await ctx.call('saliency', net, x, c), { tolerance: TOL, what: REFERENCE });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ net, x, c }, ctx) {
      const { value, mutated } = await ctx.callTracked('saliency', net, x, c);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['net', 'x', 'c'][i] ?? `#${i}`).join(', ');
        fail({ es: `saliency modificó su argumento ${names}.`, en: `saliency modified its argument ${names}.` });
      }
      ctx.expectClose(reference(net, x, c), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'output-bias-irrelevant': property({
    arbitrary: fc.tuple(cases, arb.num(4)),
    async check([{ net, x, c }, shift], ctx) {
      const base = await ctx.call('saliency', net, x, c);
      const shifted = await ctx.call('saliency', { ...net, b2: net.b2.map((v) => v + shift) }, x, c);
      ctx.expectClose(base, shifted, {
        what: { es: 'Cambiar b2 no debe cambiar la saliencia; con b2 desplazado', en: 'Changing b2 must not change the saliency; with b2 shifted' },
      });
      ctx.expectClose(reference(net, x, c), base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
