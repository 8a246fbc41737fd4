import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { cutmix as refCutmix, mixup as refMixup } from '../../../reference/ch09-advanced-cnn/mixup-cutmix.ts';

const shapes = fc.record({ h: arb.dim(1, 5), w: arb.dim(1, 5), c: arb.dim(1, 3), k: arb.dim(2, 4) });

/** A half-open box that may stick out of an h×w image (it is clipped by the student). */
const box = (h: number, w: number) =>
  fc
    .record({ top: fc.integer({ min: -2, max: h }), left: fc.integer({ min: -2, max: w }), height: fc.integer({ min: 0, max: h + 2 }), width: fc.integer({ min: 0, max: w + 2 }) })
    .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));

const pairs = shapes.chain(({ h, w, c, k }) =>
  fc.record({
    x1: arb.tensor3(h, w, c),
    y1: arb.vector(k, arb.prob()),
    x2: arb.tensor3(h, w, c),
    y2: arb.vector(k, arb.prob()),
    lambda: arb.prob(),
    box: box(h, w),
  }),
);

export default defineSpec({
  'mixup-matches-reference': property({
    arbitrary: pairs,
    async check({ x1, y1, x2, y2, lambda }, ctx) {
      const received = await ctx.call('mixup', x1, y1, x2, y2, lambda);
      ctx.expectClose(refMixup(x1, y1, x2, y2, lambda), received, { what: { es: 'mixup', en: 'mixup' } });
    },
  }),

  'cutmix-matches-reference': property({
    arbitrary: pairs,
    examples: {
      // a box sticking out above and on the right: clipped to row 0, columns 1–2 (2 of 6 pixels)
      'box-clipped': { x1: [[[1], [2], [3]], [[4], [5], [6]]], y1: [1, 0], x2: [[[-1], [-2], [-3]], [[-4], [-5], [-6]]], y2: [0, 1], lambda: 0.5, box: { top: -1, left: 1, bottom: 1, right: 5 } },
      // a box entirely below the image, and an empty one: x1 and y1 unchanged
      'box-outside': { x1: [[[1], [2], [3]], [[4], [5], [6]]], y1: [1, 0], x2: [[[-1], [-2], [-3]], [[-4], [-5], [-6]]], y2: [0, 1], lambda: 0.5, box: { top: 3, left: 0, bottom: 5, right: 2 } },
      'box-empty': { x1: [[[1], [2], [3]], [[4], [5], [6]]], y1: [1, 0], x2: [[[-1], [-2], [-3]], [[-4], [-5], [-6]]], y2: [0, 1], lambda: 0.5, box: { top: 1, left: 1, bottom: 1, right: 3 } },
    },
    async check({ x1, y1, x2, y2, box }, ctx) {
      const received = await ctx.call('cutmix', x1, y1, x2, y2, box);
      ctx.expectClose(refCutmix(x1, y1, x2, y2, box), received, { what: { es: 'cutmix', en: 'cutmix' } });
    },
  }),

  'cutmix-label-matches-area': property({
    arbitrary: shapes.chain(({ h, w }) => fc.record({ h: fc.constant(h), w: fc.constant(w), box: box(h, w) })),
    async check({ h, w, box }, ctx) {
      // x1 all zeros, x2 all ones: the share of ones in the result is the share of pasted pixels
      const zeros = Array.from({ length: h }, () => Array.from({ length: w }, () => [0]));
      const ones = Array.from({ length: h }, () => Array.from({ length: w }, () => [1]));
      const out = (await ctx.call('cutmix', zeros, [1, 0], ones, [0, 1], box)) as { image?: unknown; label?: unknown };
      const image = out?.image;
      const label = out?.label;
      if (!Array.isArray(image) || !Array.isArray(label) || typeof label[1] !== 'number' || typeof label[0] !== 'number') {
        fail({ es: 'cutmix debe devolver { image, label } con arrays de números.', en: 'cutmix must return { image, label } holding number arrays.' }, { received: out });
      }
      const pasted = (image as unknown[]).flat(2).filter((v) => v === 1).length;
      const share = pasted / (h * w);
      if (!(Math.abs(label[1] - share) <= 1e-9) || !(Math.abs(label[0] + label[1] - 1) <= 1e-9)) {
        fail(
          {
            es: `Imagen ${h}×${w}, caja ${JSON.stringify(box)}: pegaste ${pasted} de ${h * w} píxeles de x2 (fracción ${share}), pero la etiqueta da a y2 un peso ${label[1]} (y a y1, ${label[0]}). El peso de y2 debe ser exactamente la fracción de área pegada.`,
            en: `Image ${h}×${w}, box ${JSON.stringify(box)}: you pasted ${pasted} of ${h * w} pixels from x2 (share ${share}), but the label gives y2 a weight of ${label[1]} (and y1, ${label[0]}). The weight of y2 must be exactly the pasted share of the area.`,
          },
          { expected: [1 - share, share], received: label },
        );
      }
    },
  }),

  'no-mutation': property({
    arbitrary: pairs,
    async check({ x1, y1, x2, y2, lambda, box }, ctx) {
      const names = ['x1', 'y1', 'x2', 'y2', 'lambda/box'];
      for (const [fn, last] of [['mixup', lambda], ['cutmix', box]] as const) {
        const { mutated } = await ctx.callTracked(fn, x1, y1, x2, y2, last);
        if (mutated.length > 0) {
          const which = mutated.map((i) => names[i] ?? `#${i}`).join(', ');
          fail({ es: `${fn} modificó su argumento ${which}.`, en: `${fn} modified its argument ${which}.` });
        }
      }
    },
  }),
});
