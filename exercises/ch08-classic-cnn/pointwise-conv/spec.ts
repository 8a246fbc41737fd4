import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { pointwiseConv as reference } from '../../../reference/ch08-classic-cnn/pointwise-conv.ts';

/** Non-square images, C ≠ F often (a transposed kernel then has the wrong shape). */
const layer = fc.record({ h: arb.dim(1, 4), w: arb.dim(1, 5), c: arb.dim(1, 4), f: arb.dim(1, 4) }).chain(({ h, w, c, f }) =>
  fc.record({ x: arb.tensor3(h, w, c), kernel: arb.matrix(c, f), bias: arb.vector(f), perm: fc.shuffledSubarray([...Array(h * w).keys()], { minLength: h * w, maxLength: h * w }) }),
);

/** The statement's edge cases, run first on every grading. */
const edges = {
  // C = 1, F = 3 on a 2×2 image: y[i][j] = x[i][j][0]·K[0] + b
  'single-input-channel': { x: [[[1.5], [-2]], [[0.5], [3]]], kernel: [[1, -0.5, 2]], bias: [0.25, 0, -1], perm: [3, 0, 2, 1] },
  // F = 1 on a 1×3 image with C = 2: the output is 1×3×1
  'single-filter': { x: [[[1, -1], [0.5, 2], [-3, 0.25]]], kernel: [[2], [-0.5]], bias: [1], perm: [2, 0, 1] },
};

export default defineSpec({
  'matches-conv2d': property({
    arbitrary: layer,
    examples: edges,
    async check({ x, kernel, bias }, ctx) {
      ctx.expectClose(reference(x, kernel, bias), await ctx.call('pointwiseConv', x, kernel, bias), {
        what: { es: 'Salida frente a tf.conv2d con un kernel 1×1', en: 'Output against tf.conv2d with a 1×1 kernel' },
      });
    },
  }),

  'pixels-are-independent': property({
    arbitrary: layer,
    examples: edges,
    async check({ x, kernel, bias, perm }, ctx) {
      // shuffling the pixels before the layer must shuffle its output the same way
      const h = x.length;
      const w = x[0]!.length;
      const at = (m: number[][][], k: number) => m[Math.floor(k / w)]![k % w]!;
      const shuffled = Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => at(x, perm[i * w + j]!)));
      const y = (await ctx.call('pointwiseConv', x, kernel, bias)) as number[][][];
      const yShuffled = await ctx.call('pointwiseConv', shuffled, kernel, bias);
      if (!Array.isArray(y) || y.length !== h || !y.every((r) => Array.isArray(r) && r.length === w)) {
        fail({ es: `La salida debe tener forma ${h}×${w}×F.`, en: `The output must have shape ${h}×${w}×F.` }, { received: y });
      }
      const expected = Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => at(y, perm[i * w + j]!)));
      ctx.expectClose(expected, yShuffled, {
        tolerance: { atol: 1e-12, rtol: 1e-12 },
        what: {
          es: 'Una conv 1×1 trata cada píxel por separado: permutar los píxeles de la entrada debe permutar igual la salida',
          en: 'A 1×1 conv treats each pixel on its own: permuting the input pixels must permute the output the same way',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: layer,
    async check({ x, kernel, bias }, ctx) {
      const { mutated } = await ctx.callTracked('pointwiseConv', x, kernel, bias);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'kernel', 'bias'][i] ?? `#${i}`).join(', ');
        fail({ es: `pointwiseConv modificó su argumento ${names}.`, en: `pointwiseConv modified its argument ${names}.` });
      }
    },
  }),

  'identity-kernel': property({
    arbitrary: fc.record({ h: arb.dim(1, 3), w: arb.dim(1, 3), c: arb.dim(1, 4) }).chain(({ h, w, c }) => arb.tensor3(h, w, c)),
    async check(x, ctx) {
      const c = x[0]![0]!.length;
      const eye = Array.from({ length: c }, (_, i) => Array.from({ length: c }, (_, j) => (i === j ? 1 : 0)));
      ctx.expectClose(x, await ctx.call('pointwiseConv', x, eye, new Array<number>(c).fill(0)), {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: 'Con kernel = I y bias = 0 la salida', en: 'With kernel = I and bias = 0 the output' },
      });
    },
  }),
});
