import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { broadcastBackward, broadcastShape, unbroadcast, type Op, type Tensor } from '../../../reference/ch20-pytorch/broadcast-autograd.ts';

/** A tensor of the given shape (rank ≥ 1) with elements from `element`. */
function tensor(shape: number[], element: fc.Arbitrary<number>): fc.Arbitrary<Tensor> {
  if (shape.length === 1) return arb.vector(shape[0]!, element);
  return fc.array(tensor(shape.slice(1), element), { minLength: shape[0]!, maxLength: shape[0]! });
}

/** An operand shape that broadcasts to `out`: a suffix of its axes, each kept or squeezed to 1. */
const operandShape = (out: number[]) =>
  fc.integer({ min: 1, max: out.length }).chain((rank) => fc.tuple(...out.slice(out.length - rank).map((n) => fc.constantFrom(n, 1))));

const outShapes = fc.integer({ min: 1, max: 3 }).chain((rank) => fc.array(arb.dim(1, 3), { minLength: rank, maxLength: rank }));

const shapePairs = outShapes.chain((out) => fc.record({ a: operandShape(out), b: operandShape(out) }));

const nonZero = fc.oneof(arb.numIn(-2, -0.5), arb.numIn(0.5, 2));

const cases = fc.record({ shapes: shapePairs, op: fc.constantFrom<Op>('add', 'sub', 'mul', 'div') }).chain(({ shapes, op }) => {
  const out = broadcastShape(shapes.a, shapes.b);
  return fc.record({ op: fc.constant(op), a: tensor(shapes.a, arb.num(2)), b: tensor(shapes.b, op === 'div' ? nonZero : arb.num(2)), dOut: tensor(out, arb.num(2)) });
});

const unbroadcastCases = outShapes.chain((out) => fc.record({ grad: tensor(out, arb.num(2)), shape: operandShape(out) }));

function shapeOf(t: unknown): string {
  const d: number[] = [];
  let v = t;
  while (Array.isArray(v)) {
    d.push(v.length);
    v = v[0];
  }
  return `[${d.join(', ')}]`;
}

export default defineSpec({
  'broadcast-shape': property({
    arbitrary: shapePairs,
    async check({ a, b }, ctx) {
      ctx.expectClose(broadcastShape(a, b), await ctx.call('broadcastShape', a, b), {
        what: { es: `broadcastShape([${a}], [${b}])`, en: `broadcastShape([${a}], [${b}])` },
      });
    },
  }),

  'unbroadcast-matches-reference': property({
    arbitrary: unbroadcastCases,
    examples: {
      // back to [1, 3]: the size-1 axis is summed over and kept; back to [3]: the added leading axis is summed away
      'size-one-kept': { grad: [[1, 2, 3], [4, 5, 6]], shape: [1, 3] },
      'leading-axis-removed': { grad: [[1, 2, 3], [4, 5, 6]], shape: [3] },
    },
    async check({ grad, shape }, ctx) {
      const received = await ctx.call('unbroadcast', grad, shape);
      const expected = unbroadcast(grad, shape);
      if (shapeOf(received) !== shapeOf(expected)) {
        fail(
          {
            es: `unbroadcast(grad, [${shape}]) debe devolver un tensor de forma [${shape}] (la del operando), con los ejes de tamaño 1 conservados; devolviste uno de forma ${shapeOf(received)}.`,
            en: `unbroadcast(grad, [${shape}]) must return a tensor of shape [${shape}] (the operand's), keeping its size-1 axes; you returned one of shape ${shapeOf(received)}.`,
          },
          { expected, received },
        );
      }
      ctx.expectClose(expected, received, { what: { es: `unbroadcast de un gradiente ${shapeOf(grad)} a [${shape}]`, en: `unbroadcast of a ${shapeOf(grad)} gradient to [${shape}]` } });
    },
  }),

  'gradients-match-reference': property({
    arbitrary: cases,
    async check({ op, a, b, dOut }, ctx) {
      const received = (await ctx.call('broadcastBackward', op, a, b, dOut)) as { dA?: unknown; dB?: unknown } | null;
      if (received === null || typeof received !== 'object') {
        fail({ es: 'broadcastBackward debe devolver un objeto { dA, dB }.', en: 'broadcastBackward must return an object { dA, dB }.' }, { received });
      }
      const expected = broadcastBackward(op, a, b, dOut);
      ctx.expectClose(expected.dA, received.dA, { what: { es: `dA de '${op}' con a ${shapeOf(a)} y b ${shapeOf(b)}`, en: `dA of '${op}' with a ${shapeOf(a)} and b ${shapeOf(b)}` } });
      ctx.expectClose(expected.dB, received.dB, { what: { es: `dB de '${op}' con a ${shapeOf(a)} y b ${shapeOf(b)}`, en: `dB of '${op}' with a ${shapeOf(a)} and b ${shapeOf(b)}` } });
    },
  }),

  'no-mutation': property({
    arbitrary: cases,
    examples: {
      // nothing broadcast, where reusing dOut as a gradient looks harmless: the random shapes reach a product of
      // two vectors of one shape in only ~1 run in 24, so this runs on every grading
      'same-shapes': { op: 'mul', a: [1, 2, 3], b: [4, -5, 6], dOut: [0.5, -1, 2] },
    },
    async check({ op, a, b, dOut }, ctx) {
      const { value, mutated } = await ctx.callTracked('broadcastBackward', op, a, b, dOut);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['op', 'a', 'b', 'dOut'][i] ?? `#${i}`).join(', ');
        fail({ es: `broadcastBackward modificó su argumento ${names}.`, en: `broadcastBackward modified its argument ${names}.` });
      }
      ctx.expectClose(broadcastBackward(op, a, b, dOut), value);
    },
  }),
});
