import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { boxIou as reference } from '../../../reference/ch23-computer-vision/box-iou.ts';

/** A box [y1, x1, y2, x2] with positive height and width, on a grid of eighths. */
const box = fc
  .record({ y1: arb.numIn(0, 3), x1: arb.numIn(0, 3), h: arb.numIn(0.125, 2), w: arb.numIn(0.125, 2) })
  .map(({ y1, x1, h, w }) => [y1, x1, y1 + h, x1 + w]);

const boxes = (min: number, max: number) => fc.array(box, { minLength: min, maxLength: max });

const pairs = fc.record({ a: boxes(1, 5), b: boxes(1, 5) });

export default defineSpec({
  'matches-reference': property({
    arbitrary: pairs,
    examples: {
      // boxes that share only an edge or a corner with the first one: IoU 0; and an identical box: IoU 1
      'shared-edge': { a: [[0, 0, 1, 1]], b: [[1, 0, 2, 1], [0, 1, 1, 2], [1, 1, 2, 2], [0, 0, 1, 1]] },
    },
    async check({ a, b }, ctx) {
      const received = await ctx.call('boxIou', a, b);
      ctx.expectClose(reference(a, b), received);
    },
  }),

  'self-iou': property({
    arbitrary: boxes(1, 5),
    async check(a, ctx) {
      const received = await ctx.call('boxIou', a, a);
      ctx.expectClose(reference(a, a), received, { tolerance: { atol: 1e-6, rtol: 1e-5 }, what: { es: 'boxIou(A, A)', en: 'boxIou(A, A)' } });
      const m = received as number[][];
      for (let i = 0; i < a.length; i++) {
        if (Math.abs(m[i]![i]! - 1) > 1e-9) {
          fail(
            { es: `El IoU de la caja ${i} consigo misma es ${m[i]![i]}, no 1.`, en: `The IoU of box ${i} with itself is ${m[i]![i]}, not 1.` },
            { expected: 1, received: m[i]![i] },
          );
        }
        for (let j = 0; j < a.length; j++) {
          const v = m[i]![j]!;
          if (!(v >= 0 && v <= 1 + 1e-12)) {
            fail({ es: `iou[${i}][${j}] = ${v} está fuera de [0, 1].`, en: `iou[${i}][${j}] = ${v} is outside [0, 1].` });
          }
          if (Math.abs(v - m[j]![i]!) > 1e-9) {
            fail({
              es: `La matriz no es simétrica: iou[${i}][${j}] = ${v} pero iou[${j}][${i}] = ${m[j]![i]}.`,
              en: `The matrix is not symmetric: iou[${i}][${j}] = ${v} but iou[${j}][${i}] = ${m[j]![i]}.`,
            });
          }
        }
      }
    },
  }),

  'disjoint-is-zero': property({
    arbitrary: fc.record({ a: boxes(1, 4), dy: fc.constantFrom(-10, 10), dx: fc.constantFrom(-10, 10), edge: fc.boolean() }),
    async check({ a, dy, dx, edge }, ctx) {
      // far away diagonally, or touching: each box moved by exactly its own height
      const b = edge
        ? a.map(([y1, x1, y2, x2]) => [y2!, x1!, 2 * y2! - y1!, x2!])
        : a.map(([y1, x1, y2, x2]) => [y1! + dy, x1! + dx, y2! + dy, x2! + dx]);
      const received = (await ctx.call('boxIou', a, b)) as number[][];
      if (!edge) {
        ctx.expectClose(a.map(() => b.map(() => 0)), received, {
          what: { es: 'Con cajas separadas en vertical y en horizontal, boxIou', en: 'With boxes apart vertically and horizontally, boxIou' },
        });
        return;
      }
      // only box i and its own moved copy are guaranteed to merely touch
      ctx.expectClose(reference(a, b), received, { tolerance: { atol: 1e-6, rtol: 1e-5 } });
      const diagonal = a.map((_, i) => received[i]![i]);
      ctx.expectClose(a.map(() => 0), diagonal, {
        what: {
          es: 'Con cada caja desplazada exactamente su altura (solo comparten un borde), la diagonal de boxIou',
          en: 'With each box moved by exactly its height (they only share an edge), the diagonal of boxIou',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: pairs,
    async check({ a, b }, ctx) {
      const { mutated } = await ctx.callTracked('boxIou', a, b);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['boxesA', 'boxesB'][i] ?? `#${i}`).join(', ');
        fail({ es: `boxIou modificó su argumento ${names}.`, en: `boxIou modified its argument ${names}.` });
      }
    },
  }),

  'similarity-invariance': property({
    arbitrary: pairs,
    async check({ a, b }, ctx) {
      const original = await ctx.call('boxIou', a, b);
      const move = (bs: number[][]) => bs.map((bx) => bx.map((c) => 2 * c + 1));
      const moved = await ctx.call('boxIou', move(a), move(b));
      ctx.expectClose(original, moved, {
        what: { es: 'Tras aplicar c ↦ 2c + 1 a todas las coordenadas, boxIou', en: 'After applying c ↦ 2c + 1 to every coordinate, boxIou' },
      });
    },
  }),
});
