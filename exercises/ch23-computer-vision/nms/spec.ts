import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { nonMaxSuppression as reference } from '../../../reference/ch23-computer-vision/nms.ts';

/** A box [y1, x1, y2, x2] in a small area, so that many boxes overlap and chains of overlaps appear. */
const box = fc
  .record({ y1: arb.numIn(0, 2), x1: arb.numIn(0, 2), h: arb.numIn(0.25, 1.5), w: arb.numIn(0.25, 1.5) })
  .map(({ y1, x1, h, w }) => [y1, x1, y1 + h, x1 + w]);

/** Scores on a coarse grid, so that ties are frequent. */
const score = fc.integer({ min: 0, max: 8 }).map((k) => k / 8);

const detections = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    boxes: fc.array(box, { minLength: n, maxLength: n }),
    scores: fc.array(score, { minLength: n, maxLength: n }),
    maxOutputSize: fc.integer({ min: 1, max: 8 }),
    iouThreshold: fc.constantFrom(0.125, 0.25, 0.375, 0.5, 0.75),
  }),
);

/** Boxes in a row (same height, shifted along x): chains where A overlaps B and B overlaps C, but not A and C. */
const row = fc.integer({ min: 3, max: 8 }).chain((n) =>
  fc.record({
    boxes: fc.array(
      fc.record({ x: arb.numIn(0, 4), w: arb.numIn(1, 2) }).map(({ x, w }) => [0, x, 1, x + w]),
      { minLength: n, maxLength: n },
    ),
    scores: fc.array(score, { minLength: n, maxLength: n }),
    maxOutputSize: fc.integer({ min: 2, max: 8 }),
    iouThreshold: fc.constantFrom(0.25, 0.375, 0.5),
  }),
);

function iou(a: number[], b: number[]): number {
  const h = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const w = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = h * w;
  return inter / ((a[2]! - a[0]!) * (a[3]! - a[1]!) + (b[2]! - b[0]!) * (b[3]! - b[1]!) - inter);
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: fc.oneof(detections, row),
    examples: {
      // maxOutputSize = 0 asks for no box at all
      'max-output-zero': { boxes: [[0, 0, 1, 1], [0, 2, 1, 3]], scores: [0.5, 0.75], maxOutputSize: 0, iouThreshold: 0.5 },
    },
    async check({ boxes, scores, maxOutputSize, iouThreshold }, ctx) {
      const received = await ctx.call('nonMaxSuppression', boxes, scores, maxOutputSize, iouThreshold);
      ctx.expectClose(reference(boxes, scores, maxOutputSize, iouThreshold), received, {
        what: { es: 'Los índices elegidos', en: 'The selected indices' },
      });
    },
  }),

  'selection-invariants': property({
    arbitrary: detections,
    async check({ boxes, scores, maxOutputSize, iouThreshold }, ctx) {
      const received = await ctx.call('nonMaxSuppression', boxes, scores, maxOutputSize, iouThreshold);
      if (!Array.isArray(received) || !received.every((i) => Number.isInteger(i) && i >= 0 && i < boxes.length)) {
        fail({ es: 'Debe devolver un array de índices enteros de cajas.', en: 'It must return an array of integer box indices.' }, { received });
      }
      const picked = received as number[];
      if (picked.length > maxOutputSize) {
        fail({ es: `Devolvió ${picked.length} índices con maxOutputSize = ${maxOutputSize}.`, en: `It returned ${picked.length} indices with maxOutputSize = ${maxOutputSize}.` });
      }
      if (new Set(picked).size !== picked.length) {
        fail({ es: 'Hay índices repetidos en la selección.', en: 'The selection repeats an index.' }, { received: picked });
      }
      for (let k = 1; k < picked.length; k++) {
        if (scores[picked[k]!]! > scores[picked[k - 1]!]!) {
          fail({
            es: `La caja ${picked[k]} (puntuación ${scores[picked[k]!]}) aparece después de la ${picked[k - 1]} (puntuación ${scores[picked[k - 1]!]}): el orden debe ser de mayor a menor puntuación.`,
            en: `Box ${picked[k]} (score ${scores[picked[k]!]}) comes after box ${picked[k - 1]} (score ${scores[picked[k - 1]!]}): the order must be by decreasing score.`,
          });
        }
      }
      for (let p = 0; p < picked.length; p++) {
        for (let q = p + 1; q < picked.length; q++) {
          const v = iou(boxes[picked[p]!]!, boxes[picked[q]!]!);
          if (v >= iouThreshold) {
            fail({
              es: `Se eligieron las cajas ${picked[p]} y ${picked[q]}, cuyo IoU es ${v} ≥ ${iouThreshold}.`,
              en: `Boxes ${picked[p]} and ${picked[q]} were both selected, but their IoU is ${v} ≥ ${iouThreshold}.`,
            });
          }
        }
      }
    },
  }),

  'threshold-inclusive': property({
    arbitrary: fc.record({ y: arb.numIn(0, 2), x: arb.numIn(0, 2), h: arb.numIn(0.25, 2), w: arb.numIn(0.25, 2), lowerFirst: fc.boolean() }),
    async check({ y, x, h, w, lowerFirst }, ctx) {
      // the lower half of a box has IoU exactly 1/2 with it
      const full = [y, x, y + h, x + w];
      const half = [y + h / 2, x, y + h, x + w];
      const boxes = lowerFirst ? [half, full] : [full, half];
      const received = await ctx.call('nonMaxSuppression', boxes, [0.75, 0.5], 2, 0.5);
      ctx.expectClose([0], received, {
        what: {
          es: 'Con dos cajas de IoU exactamente 0.5 e iouThreshold = 0.5, los índices elegidos',
          en: 'With two boxes whose IoU is exactly 0.5 and iouThreshold = 0.5, the selected indices',
        },
      });
    },
  }),

  'max-output-size': property({
    arbitrary: fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.record({
        scores: fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7].map((k) => k / 8), { minLength: n, maxLength: n }),
        maxOutputSize: fc.integer({ min: 1, max: 8 }),
      }),
    ),
    async check({ scores, maxOutputSize }, ctx) {
      const boxes = scores.map((_, i) => [0, 2 * i, 1, 2 * i + 1]); // side by side, never touching
      const received = await ctx.call('nonMaxSuppression', boxes, scores, maxOutputSize, 0.5);
      const expected = scores
        .map((s, i) => ({ s, i }))
        .sort((a, b) => b.s - a.s)
        .slice(0, maxOutputSize)
        .map(({ i }) => i);
      ctx.expectClose(expected, received, {
        what: {
          es: `Con ${scores.length} cajas disjuntas y maxOutputSize = ${maxOutputSize}, los índices elegidos`,
          en: `With ${scores.length} disjoint boxes and maxOutputSize = ${maxOutputSize}, the selected indices`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: detections,
    async check({ boxes, scores, maxOutputSize, iouThreshold }, ctx) {
      const { mutated } = await ctx.callTracked('nonMaxSuppression', boxes, scores, maxOutputSize, iouThreshold);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['boxes', 'scores'][i] ?? `#${i}`).join(', ');
        fail({ es: `nonMaxSuppression modificó su argumento ${names}.`, en: `nonMaxSuppression modified its argument ${names}.` });
      }
    },
  }),
});
