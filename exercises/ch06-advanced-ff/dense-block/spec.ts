import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { denseBlockForward as reference } from '../../../reference/ch06-advanced-ff/dense-block.ts';

/** A block with k0 inputs, growth k and L layers; weights on the grid of eighths. */
const block = fc.record({ n: arb.dim(1, 3), k0: arb.dim(1, 3), k: arb.dim(1, 3), layers: arb.dim(1, 3) }).chain(({ n, k0, k, layers }) =>
  fc.record({
    x: arb.matrix(n, k0, arb.num(2)),
    weights: fc.tuple(...Array.from({ length: layers }, (_, l) => arb.matrix(k0 + l * k, k, arb.num(1)))),
    biases: fc.tuple(...Array.from({ length: layers }, () => arb.vector(k, arb.num(1)))),
  }),
);

/** The statement's edge case, run first on every grading: layer 0 is dead (all pre-activations < 0), its zero column stays in place. */
const edges = {
  'dead-layer': {
    x: [[1, -0.5], [0.5, 2]],
    weights: [[[-1], [-1]], [[0.5], [0.25], [2]], [[1], [-0.5], [1], [0.5]]],
    biases: [[-0.5], [0.25], [0]],
  },
};

export default defineSpec({
  'matches-reference': property({
    arbitrary: block,
    examples: edges,
    async check({ x, weights, biases }, ctx) {
      ctx.expectClose(reference(x, weights, biases), await ctx.call('denseBlockForward', x, weights, biases), {
        what: { es: 'Salida del bloque frente a tf.concat + tf.matMul', en: 'Block output against tf.concat + tf.matMul' },
      });
    },
  }),

  'keeps-input-first': property({
    arbitrary: block,
    examples: edges,
    async check({ x, weights, biases }, ctx) {
      const y = (await ctx.call('denseBlockForward', x, weights, biases)) as number[][];
      const k0 = x[0]!.length;
      const width = k0 + weights.length * biases[0]!.length;
      if (!Array.isArray(y) || y.length !== x.length || !y.every((r) => Array.isArray(r) && r.length === width)) {
        fail(
          { es: `La salida debe ser ${x.length}×${width} (k0 + L·k columnas).`, en: `The output must be ${x.length}×${width} (k0 + L·k columns).` },
          { received: y },
        );
      }
      ctx.expectClose(x, y.map((r) => r.slice(0, k0)), {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: 'Las primeras k0 columnas de la salida (deben ser x, intacta)', en: 'The first k0 columns of the output (they must be x, untouched)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: block,
    async check({ x, weights, biases }, ctx) {
      const { mutated } = await ctx.callTracked('denseBlockForward', x, weights, biases);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'weights', 'biases'][i] ?? `#${i}`).join(', ');
        fail({ es: `denseBlockForward modificó su argumento ${names}.`, en: `denseBlockForward modified its argument ${names}.` });
      }
    },
  }),

  'layers-reuse-features': property({
    arbitrary: block.filter(({ weights }) => weights.length >= 2),
    async check({ x, weights, biases }, ctx) {
      // dropping the last layer must leave the earlier columns exactly as they were
      const full = (await ctx.call('denseBlockForward', x, weights, biases)) as number[][];
      const shorter = (await ctx.call('denseBlockForward', x, weights.slice(0, -1), biases.slice(0, -1))) as number[][];
      const cut = shorter?.[0]?.length ?? 0;
      ctx.expectClose(shorter, Array.isArray(full) ? full.map((r) => (Array.isArray(r) ? r.slice(0, cut) : r)) : full, {
        tolerance: { atol: 1e-12, rtol: 1e-12 },
        what: { es: 'Las columnas de las capas anteriores no dependen de las posteriores', en: 'The columns of earlier layers do not depend on later ones' },
      });
    },
  }),
});
