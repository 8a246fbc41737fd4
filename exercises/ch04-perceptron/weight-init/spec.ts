import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { activationStds, initWeights, type Scheme } from '../../../reference/ch04-perceptron/weight-init.ts';

const SCHEMES: Scheme[] = ['xavier-uniform', 'xavier-normal', 'he-uniform', 'he-normal'];

/** A scheme and noise of the kind it expects: u ∈ [0, 1) on a grid of 1/64, or z on a grid of eighths. */
const initCases = fc
  .record({ scheme: fc.constantFrom(...SCHEMES), fanIn: arb.dim(1, 6), fanOut: arb.dim(1, 6) })
  .chain(({ scheme, fanIn, fanOut }) =>
    fc.record({
      scheme: fc.constant(scheme),
      noise: arb.matrix(fanIn, fanOut, scheme.endsWith('uniform') ? fc.integer({ min: 0, max: 63 }).map((i) => i / 64) : arb.num(3)),
    }),
  );

/** An input batch and a chain of weight matrices whose sizes fit (d0 → d1 → … → dL). */
const netCases = fc
  .record({ n: arb.dim(1, 6), dims: fc.array(arb.dim(1, 5), { minLength: 2, maxLength: 6 }), activation: fc.constantFrom('tanh' as const, 'relu' as const) })
  .chain(({ n, dims, activation }) =>
    fc.record({
      x: arb.matrix(n, dims[0]!, arb.num(2)),
      weights: fc.tuple(...dims.slice(1).map((d, l) => arb.matrix(dims[l]!, d, arb.num(1)))),
      activation: fc.constant(activation),
    }),
  );

/** The statement's edge cases, run first on every grading. */
const edges = {
  // layer 1 is alive ([0.375, 0], [0.625, 0]); layer 2 maps it to pre-activations ≤ 0: ReLU gives all zeros, std 0 from there on
  'dead-relu': {
    x: [[1, 0.5], [2, 1.5]],
    weights: [[[0.5, -1], [-0.25, 0.5]], [[-1, -0.5], [-0.5, -1]], [[1], [0.5]]],
    activation: 'relu' as const,
  },
  // N = 1 and one unit per layer: every layer has a single activation, population std 0
  'single-entry': { x: [[1.5]], weights: [[[0.5]], [[-2]]], activation: 'tanh' as const },
};

const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'init-matches-reference': property({
    arbitrary: initCases,
    async check({ scheme, noise }, ctx) {
      ctx.expectClose(initWeights(scheme, noise), await ctx.call('initWeights', scheme, noise), {
        what: { es: `Con scheme = '${scheme}' (fanIn ${noise.length}, fanOut ${noise[0]!.length}), los pesos`, en: `With scheme = '${scheme}' (fanIn ${noise.length}, fanOut ${noise[0]!.length}), the weights` },
      });
    },
  }),

  'uniform-range': property({
    arbitrary: initCases.filter(({ scheme }) => scheme.endsWith('uniform')),
    async check({ scheme, noise }, ctx) {
      // u = 0 is the lower end of the range, −a; u = 1/2 is its middle, 0
      const ends = noise.map((row, i) => row.map((_, j) => ((i + j) % 2 === 0 ? 0 : 0.5)));
      const received = await ctx.call('initWeights', scheme, ends);
      const fans = scheme.startsWith('xavier') ? noise.length + noise[0]!.length : noise.length;
      const a = Math.sqrt(6 / fans);
      ctx.expectClose(
        ends.map((row) => row.map((u) => (u === 0 ? -a : 0))),
        received,
        {
          what: {
            es: `U(−a, a) debe cubrir todo el intervalo simétrico, con a = ${a.toFixed(4)} para '${scheme}': u = 0 da −a y u = 0.5 da 0; el resultado`,
            en: `U(−a, a) must cover the whole symmetric range, with a = ${a.toFixed(4)} for '${scheme}': u = 0 gives −a and u = 0.5 gives 0; the result`,
          },
        },
      );
      ctx.expectClose(initWeights(scheme, noise), await ctx.call('initWeights', scheme, noise), { what: REFERENCE });
    },
  }),

  'stds-match-reference': property({
    arbitrary: netCases,
    examples: edges,
    async check({ x, weights, activation }, ctx) {
      ctx.expectClose(activationStds(x, weights, activation), await ctx.call('activationStds', x, weights, activation), {
        what: { es: `Con activation = '${activation}' y ${weights.length} capas, las desviaciones`, en: `With activation = '${activation}' and ${weights.length} layers, the standard deviations` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: netCases,
    async check({ x, weights, activation }, ctx) {
      const { value, mutated } = await ctx.callTracked('activationStds', x, weights, activation);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'weights', 'activation'][i] ?? `#${i}`).join(', ');
        fail({ es: `activationStds modificó su argumento ${names}.`, en: `activationStds modified its argument ${names}.` });
      }
      ctx.expectClose(activationStds(x, weights, activation), value, { tolerance: { atol: 1e-4, rtol: 1e-4 }, what: REFERENCE });
    },
  }),
});
