import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch06-advanced-ff/param-count.ts';

const sizes = fc.array(arb.dim(1, 12), { minLength: 2, maxLength: 5 });
const residual = fc.record({ inputDim: arb.dim(1, 10), width: arb.dim(1, 10), hidden: arb.dim(1, 10), blocks: arb.dim(0, 3), outputDim: arb.dim(1, 6) });
const dense = fc.record({ inputDim: arb.dim(1, 10), growth: arb.dim(1, 6), layers: arb.dim(1, 4) });

export default defineSpec({
  'mlp-matches-reference': property({
    arbitrary: sizes,
    async check(s, ctx) {
      ctx.expectClose(ref.mlpParams(s), await ctx.call('mlpParams', s), {
        what: { es: `mlpParams([${s.join(', ')}]) frente a model.countParams()`, en: `mlpParams([${s.join(', ')}]) against model.countParams()` },
      });
    },
  }),

  'mlp-is-additive': property({
    arbitrary: sizes.chain((s) => fc.record({ s: fc.constant(s), cut: fc.integer({ min: 1, max: s.length - 1 }) })),
    async check({ s, cut }, ctx) {
      // a network split at layer `cut` has the parameters of its two halves
      const whole = await ctx.call('mlpParams', s);
      const first = (await ctx.call('mlpParams', s.slice(0, cut + 1))) as number;
      const second = (await ctx.call('mlpParams', s.slice(cut))) as number;
      if (whole !== first + second) {
        fail(
          {
            es: `mlpParams([${s.join(', ')}]) = ${String(whole)}, pero partiendo la red en la capa ${cut} las dos mitades suman ${first + second}.`,
            en: `mlpParams([${s.join(', ')}]) = ${String(whole)}, but splitting the network at layer ${cut} the two halves add up to ${first + second}.`,
          },
          { expected: first + second, received: whole },
        );
      }
    },
  }),

  'residual-matches-reference': property({
    arbitrary: residual,
    examples: {
      // no residual block: the stem and the head only
      'no-blocks': { inputDim: 4, width: 6, hidden: 3, blocks: 0, outputDim: 2 },
    },
    async check({ inputDim, width, hidden, blocks, outputDim }, ctx) {
      ctx.expectClose(ref.residualMlpParams(inputDim, width, hidden, blocks, outputDim), await ctx.call('residualMlpParams', inputDim, width, hidden, blocks, outputDim), {
        what: {
          es: `residualMlpParams(${inputDim}, ${width}, ${hidden}, ${blocks}, ${outputDim}) frente a model.countParams()`,
          en: `residualMlpParams(${inputDim}, ${width}, ${hidden}, ${blocks}, ${outputDim}) against model.countParams()`,
        },
      });
    },
  }),

  'dense-block-matches-reference': property({
    arbitrary: dense,
    async check({ inputDim, growth, layers }, ctx) {
      ctx.expectClose(ref.denseBlock(inputDim, growth, layers), await ctx.call('denseBlock', inputDim, growth, layers), {
        what: {
          es: `denseBlock(${inputDim}, ${growth}, ${layers}) frente al modelo de tfjs`,
          en: `denseBlock(${inputDim}, ${growth}, ${layers}) against the tfjs model`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: sizes,
    async check(s, ctx) {
      const { mutated } = await ctx.callTracked('mlpParams', s);
      if (mutated.length > 0) fail({ es: 'mlpParams modificó su argumento sizes.', en: 'mlpParams modified its argument sizes.' });
    },
  }),

  'shortcut-has-no-parameters': property({
    arbitrary: residual,
    async check({ inputDim, width, hidden, blocks, outputDim }, ctx) {
      const a = (await ctx.call('residualMlpParams', inputDim, width, hidden, blocks, outputDim)) as number;
      const b = (await ctx.call('residualMlpParams', inputDim, width, hidden, blocks + 1, outputDim)) as number;
      const expected = 2 * width * hidden + hidden + width;
      if (b - a !== expected) {
        fail(
          {
            es: `Añadir un bloque residual debe sumar 2·width·hidden + hidden + width = ${expected} parámetros (el atajo identidad no tiene); tu función suma ${b - a}.`,
            en: `Adding one residual block must add 2·width·hidden + hidden + width = ${expected} parameters (the identity shortcut has none); your function adds ${b - a}.`,
          },
          { expected, received: b - a },
        );
      }
    },
  }),
});
