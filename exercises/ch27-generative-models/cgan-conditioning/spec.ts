import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch27-generative-models/cgan-conditioning.ts';

const labelled = fc.record({ b: arb.dim(1, 5), numClasses: arb.dim(2, 5) }).chain(({ b, numClasses }) =>
  fc.record({
    numClasses: fc.constant(numClasses),
    labels: arb.vector(b, fc.integer({ min: 0, max: numClasses - 1 })),
    z: arb.matrix(b, 3, arb.num(2)),
    images: fc.record({ h: arb.dim(1, 3), w: arb.dim(1, 3) }).chain(({ h, w }) => arb.tensor3(b, h, w, arb.prob())),
  }),
);

/** Edge case (exercise.yaml `edgeCases`): the first and the last class (0 and C − 1), a repeated label, 1×2 images. */
const EXTREME = {
  numClasses: 5,
  labels: [4, 0, 4],
  z: [[0.5, -1, 2], [-0.25, 0, 1.5], [1, 1, -2]],
  images: [[[0.25, 1]], [[0, 0.5]], [[0.75, 0.125]]],
};

export default defineSpec({
  'one-hot': property({
    arbitrary: labelled,
    examples: { 'first-and-last-class': EXTREME },
    async check({ labels, numClasses }, ctx) {
      ctx.expectClose(ref.oneHot(labels, numClasses), await ctx.call('oneHot', labels, numClasses), {
        what: { es: `oneHot(${JSON.stringify(labels)}, ${numClasses})`, en: `oneHot(${JSON.stringify(labels)}, ${numClasses})` },
      });
    },
  }),

  'generator-input': property({
    arbitrary: labelled,
    examples: { 'first-and-last-class': EXTREME },
    async check({ z, labels, numClasses }, ctx) {
      ctx.expectClose(ref.generatorInput(z, labels, numClasses), await ctx.call('generatorInput', z, labels, numClasses), {
        what: { es: 'La entrada del generador', en: 'The generator input' },
      });
    },
  }),

  'discriminator-input': property({
    arbitrary: labelled,
    examples: { 'first-and-last-class': EXTREME },
    async check({ images, labels, numClasses }, ctx) {
      ctx.expectClose(ref.discriminatorInput(images, labels, numClasses), await ctx.call('discriminatorInput', images, labels, numClasses), {
        what: { es: 'La entrada del discriminador', en: 'The discriminator input' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: labelled,
    async check({ z, images, labels, numClasses }, ctx) {
      const g = await ctx.callTracked('generatorInput', z, labels, numClasses);
      if (g.mutated.length > 0) fail({ es: 'generatorInput modificó sus argumentos.', en: 'generatorInput modified its arguments.' });
      const d = await ctx.callTracked('discriminatorInput', images, labels, numClasses);
      if (d.mutated.length > 0) fail({ es: 'discriminatorInput modificó sus argumentos.', en: 'discriminatorInput modified its arguments.' });
    },
  }),
});
