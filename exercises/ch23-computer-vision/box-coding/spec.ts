import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import * as ref from '../../../reference/ch23-computer-vision/box-coding.ts';

const box = fc
  .record({ y1: arb.numIn(0, 3), x1: arb.numIn(0, 3), h: arb.numIn(0.25, 3), w: arb.numIn(0.25, 3) })
  .map(({ y1, x1, h, w }) => [y1, x1, y1 + h, x1 + w]);

const pairs = arb.dim(1, 5).chain((n) =>
  fc.record({
    anchors: fc.array(box, { minLength: n, maxLength: n }),
    boxes: fc.array(box, { minLength: n, maxLength: n }),
    deltas: arb.matrix(n, 4, arb.num(1)),
  }),
);

export default defineSpec({
  'encode-matches-reference': property({
    arbitrary: pairs,
    async check({ anchors, boxes }, ctx) {
      ctx.expectClose(ref.encodeBoxes(anchors, boxes), await ctx.call('encodeBoxes', anchors, boxes), { what: { es: 't', en: 't' } });
    },
  }),

  'decode-matches-reference': property({
    arbitrary: pairs,
    async check({ anchors, deltas }, ctx) {
      ctx.expectClose(ref.decodeBoxes(anchors, deltas), await ctx.call('decodeBoxes', anchors, deltas), { what: { es: 'Las cajas decodificadas', en: 'The decoded boxes' } });
    },
  }),

  'round-trip': property({
    arbitrary: pairs,
    async check({ anchors, boxes }, ctx) {
      const deltas = await ctx.call('encodeBoxes', anchors, boxes);
      if (!Array.isArray(deltas)) fail({ es: 'encodeBoxes debe devolver una matriz N×4.', en: 'encodeBoxes must return an N×4 matrix.' });
      ctx.expectClose(boxes, await ctx.call('decodeBoxes', anchors, deltas), {
        what: { es: 'decodeBoxes(anclas, encodeBoxes(anclas, cajas))', en: 'decodeBoxes(anchors, encodeBoxes(anchors, boxes))' },
      });
      ctx.expectClose(anchors.map(() => [0, 0, 0, 0]), await ctx.call('encodeBoxes', anchors, anchors), {
        what: { es: 'encodeBoxes(anclas, anclas)', en: 'encodeBoxes(anchors, anchors)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: pairs,
    async check({ anchors, boxes, deltas }, ctx) {
      const e = await ctx.callTracked('encodeBoxes', anchors, boxes);
      if (e.mutated.length > 0) fail({ es: 'encodeBoxes modificó sus argumentos.', en: 'encodeBoxes modified its arguments.' });
      const d = await ctx.callTracked('decodeBoxes', anchors, deltas);
      if (d.mutated.length > 0) fail({ es: 'decodeBoxes modificó sus argumentos.', en: 'decodeBoxes modified its arguments.' });
    },
  }),
});
