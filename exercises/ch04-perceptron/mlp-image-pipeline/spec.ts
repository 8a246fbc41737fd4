import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { evaluateEpoch, preprocessImages } from '../../../reference/ch04-perceptron/mlp-image-pipeline.ts';

const pixel = fc.integer({ min: 0, max: 255 });
/** Per-channel statistics of the kind A.Normalize uses (ImageNet's, and round ones). */
const stats = fc.constantFrom(
  { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
  { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
  { mean: [0.25, 0.5, 0.75], std: [0.125, 0.25, 0.5] },
);

/** A batch of N×H×W×C images in 0..255 with C = 1 (grey) or 3 (RGB). */
const imageBatch = fc
  .record({ n: arb.dim(1, 3), h: arb.dim(1, 4), w: arb.dim(1, 4), c: fc.constantFrom(1, 3, 3), s: stats })
  .chain(({ n, h, w, c, s }) =>
    fc.record({
      images: fc.array(fc.array(fc.array(fc.array(pixel, { minLength: c, maxLength: c }), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }), { minLength: n, maxLength: n }),
      mean: fc.constant(s.mean.slice(0, c)),
      std: fc.constant(s.std.slice(0, c)),
    }),
  );

/** A validation set of M examples over K classes, cut into batches of B (the last one may be shorter). */
const validation = fc
  .record({ m: fc.integer({ min: 1, max: 11 }), k: fc.integer({ min: 2, max: 5 }), b: fc.integer({ min: 2, max: 4 }) })
  .chain(({ m, k, b }) =>
    fc.record({
      logits: fc.array(fc.array(arb.num(3), { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
      labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: m, maxLength: m }),
      b: fc.constant(b),
      other: fc.integer({ min: 1, max: 5 }),
    }),
  );

const cut = <T>(xs: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
};

export default defineSpec({
  'preprocess-matches-reference': property({
    arbitrary: imageBatch,
    async check({ images, mean, std }, ctx) {
      const received = await ctx.call('preprocessImages', images, mean, std);
      ctx.expectClose(preprocessImages(images, mean, std), received);
    },
  }),

  'evaluate-matches-reference': property({
    arbitrary: validation,
    examples: {
      // logits of ±1000: exp overflows unless the row maximum is subtracted; the last batch (of 1) is shorter
      'large-logits': { logits: [[1000, 0, -1000], [-1000, -999, -1002], [800, 801, 799]], labels: [0, 2, 1], b: 2, other: 1 },
      // a tie for the maximum whose label is the later index: the argmax must take the lower one (a miss)
      'argmax-tie': { logits: [[1, 2, 2], [0.5, 0.5, -1], [3, 1, 3]], labels: [2, 0, 2], b: 2, other: 3 },
    },
    async check({ logits, labels, b }, ctx) {
      const received = await ctx.call('evaluateEpoch', cut(logits, b), cut(labels, b));
      ctx.expectClose(evaluateEpoch(cut(logits, b), cut(labels, b)), received);
    },
  }),

  'batching-invariance': property({
    arbitrary: validation,
    examples: {
      'large-logits': { logits: [[1000, 0, -1000], [-1000, -999, -1002], [800, 801, 799]], labels: [0, 2, 1], b: 2, other: 1 },
    },
    async check({ logits, labels, b, other }, ctx) {
      const first = await ctx.call('evaluateEpoch', cut(logits, b), cut(labels, b));
      const second = await ctx.call('evaluateEpoch', cut(logits, other), cut(labels, other));
      const r = second as { loss?: unknown; accuracy?: unknown } | null;
      if (!r || typeof r.loss !== 'number' || typeof r.accuracy !== 'number' || !Number.isFinite(r.loss) || !(r.accuracy >= 0 && r.accuracy <= 1)) {
        fail({ es: 'evaluateEpoch debe devolver { loss, accuracy } con una pérdida finita y una exactitud en [0, 1].', en: 'evaluateEpoch must return { loss, accuracy } with a finite loss and an accuracy in [0, 1].' });
      }
      ctx.expectClose(first, second, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: `Los mismos ejemplos en lotes de ${other} en vez de ${b}`, en: `The same examples in batches of ${other} instead of ${b}` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: imageBatch,
    async check({ images, mean, std }, ctx) {
      const { value, mutated } = await ctx.callTracked('preprocessImages', images, mean, std);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['images', 'mean', 'std'][i] ?? `#${i}`).join(', ');
        fail({ es: `preprocessImages modificó su argumento ${names}.`, en: `preprocessImages modified its argument ${names}.` });
      }
      ctx.expectClose(preprocessImages(images, mean, std), value);
    },
  }),
});
