import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { depthwiseConv2d, separableConv2d } from '../../../reference/ch07-convolution/depthwise-separable.ts';

/** An image, a depthwise kernel (multiplier 1 or 2), a pointwise kernel, a stride and a padding; kernels fit the image. */
const cases = fc
  .record({ h: arb.dim(1, 5), w: arb.dim(1, 5), c: arb.dim(1, 3), m: arb.dim(1, 2), cout: arb.dim(1, 3) })
  .chain(({ h, w, c, m, cout }) =>
    fc.record({ kh: arb.dim(1, Math.min(h, 3)), kw: arb.dim(1, Math.min(w, 3)) }).chain(({ kh, kw }) =>
      fc.record({
        input: arb.tensor3(h, w, c, arb.num(2)),
        kernel: arb.tensor4(kh, kw, c, m, arb.num(2)),
        pointwise: arb.tensor4(1, 1, c * m, cout, arb.num(2)),
        // either key may be left out: the statement's defaults are stride 1 and padding 'valid'
        opts: fc.record(
          { stride: fc.constantFrom(1, 2, [1, 2] as [number, number], [2, 1] as [number, number]), padding: fc.constantFrom('valid' as const, 'same' as const) },
          { requiredKeys: [] },
        ),
      }),
    ),
  );

const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'depthwise-matches-reference': property({
    arbitrary: cases,
    examples: {
      // an even kernel under 'same': the extra padding row and column go below and on the right
      'same-asymmetric-padding': {
        input: [[[1, -1], [2, 0.5], [-1, 1], [0, 2]], [[0.5, 1], [-2, 0], [3, -1], [1, 1]], [[1.5, -0.5], [0, 2], [-0.5, 1], [2, -2]]],
        kernel: [[[[1], [0.5]], [[-1], [2]]], [[[2], [-1]], [[0.5], [1]]]],
        pointwise: [[[[1, -1], [0.5, 2]]]],
        opts: { stride: 1, padding: 'same' },
      },
    },
    async check({ input, kernel, opts }, ctx) {
      ctx.expectClose(depthwiseConv2d(input, kernel, opts), await ctx.call('depthwiseConv2d', input, kernel, opts));
    },
  }),

  'separable-matches-reference': property({
    arbitrary: cases,
    examples: {
      'same-asymmetric-padding': {
        input: [[[1, -1], [2, 0.5], [-1, 1], [0, 2]], [[0.5, 1], [-2, 0], [3, -1], [1, 1]], [[1.5, -0.5], [0, 2], [-0.5, 1], [2, -2]]],
        kernel: [[[[1], [0.5]], [[-1], [2]]], [[[2], [-1]], [[0.5], [1]]]],
        pointwise: [[[[1, -1], [0.5, 2]]]],
        opts: { stride: 1, padding: 'same' },
      },
    },
    async check({ input, kernel, pointwise, opts }, ctx) {
      ctx.expectClose(separableConv2d(input, kernel, pointwise, opts), await ctx.call('separableConv2d', input, kernel, pointwise, opts));
    },
  }),

  'cost-ratio': property({
    arbitrary: fc.record({ k: arb.dim(1, 7), cin: arb.dim(1, 512), cout: arb.dim(1, 512) }),
    async check({ k, cin, cout }, ctx) {
      // multiplications per output position: k·k·cin·cout for the standard convolution;
      // k·k·cin (one filter per channel) + cin·cout (the 1×1 mixing) for the separable one
      const standard = k * k * cin * cout;
      const separable = k * k * cin + cin * cout;
      ctx.expectClose(separable / standard, await ctx.call('costRatio', k, cin, cout), {
        what: {
          es: `Una convolución normal hace ${standard} multiplicaciones por posición y la separable ${separable}; costRatio(${k}, ${cin}, ${cout})`,
          en: `A standard convolution does ${standard} multiplications per position and the separable one ${separable}; costRatio(${k}, ${cin}, ${cout})`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    async check({ input, kernel, pointwise, opts }, ctx) {
      const { value, mutated } = await ctx.callTracked('separableConv2d', input, kernel, pointwise, opts);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['input', 'depthwiseKernel', 'pointwiseKernel', 'opts'][i] ?? `#${i}`).join(', ');
        fail({ es: `separableConv2d modificó su argumento ${names}.`, en: `separableConv2d modified its argument ${names}.` });
      }
      ctx.expectClose(separableConv2d(input, kernel, pointwise, opts), value, { what: REFERENCE });
    },
  }),
});
