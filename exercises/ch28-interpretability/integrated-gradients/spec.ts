import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { integratedGradients as reference, probability, type Classifier } from '../../../reference/ch28-interpretability/integrated-gradients.ts';

interface Case {
  net: Classifier;
  x: number[];
  baseline: number[];
  m: number;
}

/** A classifier with weights in [−w, w], an input, a baseline and a number of steps in [mMin, mMax]. */
function cases(w: number, mMin: number, mMax: number): fc.Arbitrary<Case> {
  return fc.record({ d: arb.dim(1, 4), h: arb.dim(1, 4) }).chain(({ d, h }) =>
    fc.record({
      net: fc.record({ W1: arb.matrix(d, h, arb.num(w)), b1: arb.vector(h, arb.num(w)), v: arb.vector(h, arb.num(w)), b0: arb.num(w) }),
      x: arb.vector(d, arb.num(2)),
      baseline: fc.oneof(fc.constant(Array<number>(d).fill(0)), arb.vector(d, arb.num(2))),
      m: fc.integer({ min: mMin, max: mMax }),
    }),
  );
}

/** The reference tolerance, for invariant properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-5, rtol: 1e-3 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases(2, 1, 8),
    examples: {
      // m = 1: a single path point, x itself: IG = (x − x')·∂F/∂x(x)
      'one-step': { net: { W1: [[1.5, -0.5], [0.25, 2]], b1: [0.5, -1], v: [2, -1.5], b0: 0.25 }, x: [1, -1.5], baseline: [0, 0], m: 1 },
      // x = x': the path has length 0 and every attribution is 0
      'input-equals-baseline': { net: { W1: [[1.5, -0.5], [0.25, 2]], b1: [0.5, -1], v: [2, -1.5], b0: 0.25 }, x: [0.75, -1.25], baseline: [0.75, -1.25], m: 5 },
    },
    async check({ net, x, baseline, m }, ctx) {
      const received = await ctx.call('integratedGradients', net, x, baseline, m);
      ctx.expectClose(reference(net, x, baseline, m), received);
    },
  }),

  completeness: property({
    arbitrary: cases(1, 400, 400),
    async check({ net, x, baseline, m }, ctx) {
      const received = await ctx.call('integratedGradients', net, x, baseline, m);
      if (!Array.isArray(received) || received.length !== x.length || !received.every((v) => typeof v === 'number')) {
        fail({ es: `Se esperaba un vector de ${x.length} atribuciones (números).`, en: `Expected a vector of ${x.length} attributions (numbers).` }, { received });
      }
      const total = (received as number[]).reduce((s, v) => s + v, 0);
      const gap = probability(net, x) - probability(net, baseline);
      ctx.expectClose(gap, total, {
        what: {
          es: `Completitud: con m = ${m} pasos, la suma de las atribuciones frente a F(x) − F(x')`,
          en: `Completeness: with m = ${m} steps, the sum of the attributions against F(x) − F(x')`,
        },
      });
    },
  }),

  'zero-where-unchanged': property({
    arbitrary: cases(2, 1, 8).chain((c) =>
      fc.array(fc.boolean(), { minLength: c.x.length, maxLength: c.x.length }).map((same) => ({
        ...c,
        x: c.x.map((xi, i) => (same[i] ? c.baseline[i]! : xi)),
        same,
      })),
    ),
    async check({ net, x, baseline, m, same }, ctx) {
      const received = await ctx.call('integratedGradients', net, x, baseline, m);
      if (!Array.isArray(received) || received.length !== x.length || !received.every((v) => typeof v === 'number')) {
        fail({ es: `Se esperaba un vector de ${x.length} atribuciones (números).`, en: `Expected a vector of ${x.length} attributions (numbers).` }, { received });
      }
      const attributions = received as unknown[];
      const i = same.findIndex((s, k) => s && attributions[k] !== 0);
      if (i >= 0) {
        fail(
          {
            es: `x[${i}] = x'[${i}] = ${x[i]}, pero su atribución es ${formatValue(attributions[i])}: una componente que no cambia entre la referencia y la entrada debe recibir 0.`,
            en: `x[${i}] = x'[${i}] = ${x[i]}, but its attribution is ${formatValue(attributions[i])}: a component that does not change between baseline and input must get 0.`,
          },
          { expected: 0, received: attributions[i] },
        );
      }
      ctx.expectClose(reference(net, x, baseline, m), received, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'no-mutation': property({
    arbitrary: cases(2, 1, 4),
    async check({ net, x, baseline, m }, ctx) {
      const { value, mutated } = await ctx.callTracked('integratedGradients', net, x, baseline, m);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['net', 'x', 'baseline', 'm'][i] ?? `#${i}`).join(', ');
        fail({ es: `integratedGradients modificó su argumento ${names}.`, en: `integratedGradients modified its argument ${names}.` });
      }
      ctx.expectClose(reference(net, x, baseline, m), value, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
