import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { receptiveField as reference, type WindowLayer } from '../../../reference/ch08-classic-cnn/receptive-field.ts';

/** A layer with stride > 1 or dilation > 1 (never both), kernel 1–5. */
const layer: fc.Arbitrary<WindowLayer> = fc
  .record({ kernel: arb.dim(1, 5), stride: arb.dim(1, 3), dilation: arb.dim(1, 3), strided: fc.boolean() })
  .map(({ kernel, stride, dilation, strided }) => (strided ? { kernel, stride, dilation: 1 } : { kernel, stride: 1, dilation }));

const stack = fc.array(layer, { minLength: 1, maxLength: 4 });

/** The statement's edge case, run first on every grading: size-1 windows, strided and dilated → rf [1, 1, 7], jump [3, 3, 3]. */
const edges = {
  'kernel-one': [
    { kernel: 1, stride: 3, dilation: 1 },
    { kernel: 1, stride: 1, dilation: 2 },
    { kernel: 3, stride: 1, dilation: 1 },
  ],
};

interface Result {
  rf: number[];
  jump: number[];
}

export default defineSpec({
  'rf-matches-autodiff': property({
    arbitrary: stack,
    examples: edges,
    async check(layers, ctx) {
      const received = (await ctx.call('receptiveField', layers)) as Result;
      ctx.expectClose(reference(layers).rf, received?.rf, {
        what: { es: 'rf frente al campo medido con tf.grad', en: 'rf against the field measured with tf.grad' },
      });
    },
  }),

  'jump-matches-autodiff': property({
    arbitrary: stack,
    examples: edges,
    async check(layers, ctx) {
      const received = (await ctx.call('receptiveField', layers)) as Result;
      ctx.expectClose(reference(layers).jump, received?.jump, {
        what: { es: 'jump frente al medido con tf.grad', en: 'jump against the one measured with tf.grad' },
      });
    },
  }),

  'stacked-3x3': property({
    arbitrary: arb.dim(1, 6),
    async check(n, ctx) {
      const layers = Array.from({ length: n }, () => ({ kernel: 3, stride: 1, dilation: 1 }));
      const received = (await ctx.call('receptiveField', layers)) as Result;
      const expected = Array.from({ length: n }, (_, l) => 2 * (l + 1) + 1);
      ctx.expectClose(expected, received?.rf, {
        what: {
          es: `${n} convoluciones 3×3 apiladas (cada una amplía el campo en 2: dos 3×3 ven lo mismo que una 5×5)`,
          en: `${n} stacked 3×3 convolutions (each widens the field by 2: two 3×3 see as much as one 5×5)`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: stack,
    async check(layers, ctx) {
      const { mutated } = await ctx.callTracked('receptiveField', layers);
      if (mutated.length > 0) fail({ es: 'receptiveField modificó su argumento layers.', en: 'receptiveField modified its argument layers.' });
    },
  }),

  'dilated-equals-wide': property({
    arbitrary: fc.record({ before: fc.array(layer, { maxLength: 2 }), kernel: arb.dim(2, 4), dilation: arb.dim(2, 3) }),
    async check({ before, kernel, dilation }, ctx) {
      const dilated = (await ctx.call('receptiveField', [...before, { kernel, stride: 1, dilation }])) as Result;
      const wide = (await ctx.call('receptiveField', [...before, { kernel: dilation * (kernel - 1) + 1, stride: 1, dilation: 1 }])) as Result;
      ctx.expectClose(wide, dilated, {
        tolerance: { atol: 0, rtol: 0 },
        what: {
          es: `Una ventana ${kernel} con dilatación ${dilation} debe tener el mismo campo que una ventana ${dilation * (kernel - 1) + 1} sin dilatar`,
          en: `A window of ${kernel} with dilation ${dilation} must have the same field as an undilated window of ${dilation * (kernel - 1) + 1}`,
        },
      });
    },
  }),
});
