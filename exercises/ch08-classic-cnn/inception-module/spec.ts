import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { inceptionModule as reference, type Conv, type InceptionParams } from '../../../reference/ch08-classic-cnn/inception-module.ts';

const conv = (k: number, cin: number, cout: number): fc.Arbitrary<Conv> => fc.record({ kernel: arb.tensor4(k, k, cin, cout, arb.num(1)), bias: arb.vector(cout, arb.num(1)) });

interface Widths {
  h: number;
  w: number;
  cin: number;
  c1: number;
  r3: number;
  c3: number;
  r5: number;
  c5: number;
  cp: number;
}

const widths = (size: fc.Arbitrary<number>) =>
  fc.record({ h: size, w: size, cin: arb.dim(1, 3), c1: arb.dim(1, 2), r3: arb.dim(1, 2), c3: arb.dim(1, 2), r5: arb.dim(1, 2), c5: arb.dim(1, 2), cp: arb.dim(1, 2) });

const paramsFor = (s: Widths): fc.Arbitrary<InceptionParams> =>
  fc.record({ b1: conv(1, s.cin, s.c1), b2reduce: conv(1, s.cin, s.r3), b2: conv(3, s.r3, s.c3), b3reduce: conv(1, s.cin, s.r5), b3: conv(5, s.r5, s.c5), b4: conv(1, s.cin, s.cp) });

const cases = (size: fc.Arbitrary<number> = arb.dim(1, 5)) =>
  widths(size).chain((s) => fc.record({ x: arb.tensor3(s.h, s.w, s.cin, arb.num(2)), params: paramsFor(s) }));

/** A fixed k×k×cin×cout convolution with small, mixed-sign weights (for the edge cases). */
function fixedConv(k: number, cin: number, cout: number, seed: number): Conv {
  const v = (n: number) => (((n * 7 + seed * 5) % 9) - 4) / 4;
  return {
    kernel: Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Array.from({ length: cin }, (_, c) => Array.from({ length: cout }, (_, o) => v(i * 31 + j * 17 + c * 5 + o * 3))))),
    bias: Array.from({ length: cout }, (_, o) => v(o + 2) / 2),
  };
}
const fixedParams = (cin: number, seed: number): InceptionParams => ({
  b1: fixedConv(1, cin, 2, seed),
  b2reduce: fixedConv(1, cin, 2, seed + 1),
  b2: fixedConv(3, 2, 1, seed + 2),
  b3reduce: fixedConv(1, cin, 1, seed + 3),
  b3: fixedConv(5, 1, 2, seed + 4),
  b4: fixedConv(1, cin, 1, seed + 5),
});

/** The statement's edge cases, run first on every grading. */
const edges = {
  // 1×1 image: only the centre taps of the 3×3 and 5×5 kernels meet a pixel; the max-pool returns the pixel
  'one-pixel-image': { x: [[[-1.5, 0.75]]], params: fixedParams(2, 2) },
  // all-negative 3×4 image: a pool padding taken as 0 would win the max at every border pixel
  'all-negative-input': {
    x: [[[-1], [-2.5], [-0.5], [-3]], [[-1.5], [-0.25], [-2], [-1]], [[-3.5], [-1], [-0.75], [-2]]],
    params: fixedParams(1, 4),
  },
};

function dims(value: unknown): string {
  const d: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    d.push(v.length);
    v = v[0];
  }
  return d.length ? d.join('×') : typeof value;
}

const zeroConv = (p: Conv): Conv => ({ kernel: p.kernel.map((r) => r.map((c) => c.map((o) => o.map(() => 0)))), bias: p.bias.map(() => 0) });
const outWidth = (p: InceptionParams) => p.b1.bias.length + p.b2.bias.length + p.b3.bias.length + p.b4.bias.length;

export default defineSpec({
  'matches-reference': property({
    arbitrary: cases(),
    examples: edges,
    async check({ x, params }, ctx) {
      const received = await ctx.call('inceptionModule', x, params);
      ctx.expectClose(reference(x, params), received);
    },
  }),

  'output-shape': property({
    arbitrary: cases(),
    async check({ x, params }, ctx) {
      const expected = `${x.length}×${x[0]!.length}×${outWidth(params)}`;
      const received = await ctx.call('inceptionModule', x, params);
      if (dims(received) !== expected) {
        fail(
          {
            es: `Todas las ramas conservan H×W (stride 1, 'same') y se concatenan por canales: la salida debe ser ${expected} (c1 + c3 + c5 + cp = ${outWidth(params)} canales); devolviste ${dims(received)}.`,
            en: `Every branch keeps H×W (stride 1, 'same') and they are concatenated along the channels: the output must be ${expected} (c1 + c3 + c5 + cp = ${outWidth(params)} channels); you returned ${dims(received)}.`,
          },
          { expected, received: dims(received) },
        );
      }
    },
  }),

  'pool-branch': property({
    arbitrary: cases(),
    examples: edges,
    async check({ x, params }, ctx) {
      // only the pool branch on, an identity 1×1 with bias 8 (so the ReLU never clips): its channels are maxpool(x) + 8
      const cin = x[0]![0]!.length;
      const identity: Conv = { kernel: [[Array.from({ length: cin }, (_, c) => Array.from({ length: cin }, (_, o) => (c === o ? 1 : 0)))]], bias: new Array<number>(cin).fill(8) };
      const p: InceptionParams = { b1: zeroConv(params.b1), b2reduce: params.b2reduce, b2: zeroConv(params.b2), b3reduce: params.b3reduce, b3: zeroConv(params.b3), b4: identity };
      const received = await ctx.call('inceptionModule', x, p);
      ctx.expectClose(reference(x, p), received, {
        what: {
          es: 'Con las tres primeras ramas a cero y un 1×1 identidad con sesgo 8 tras el pooling, los últimos canales son maxpool3×3(x) + 8 (el relleno del pooling no cuenta como 0)',
          en: 'With the first three branches zeroed and an identity 1×1 with bias 8 after the pooling, the last channels are maxpool3×3(x) + 8 (the pooling padding does not count as 0)',
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: cases(),
    async check({ x, params }, ctx) {
      const { value, mutated } = await ctx.callTracked('inceptionModule', x, params);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['x', 'params'][i] ?? `#${i}`).join(', ');
        fail({ es: `inceptionModule modificó su argumento ${names}.`, en: `inceptionModule modified its argument ${names}.` });
      }
      ctx.expectClose(reference(x, params), value);
    },
  }),

  'small-images': property({
    arbitrary: cases(arb.dim(1, 3)),
    async check({ x, params }, ctx) {
      const received = await ctx.call('inceptionModule', x, params);
      ctx.expectClose(reference(x, params), received, {
        what: {
          es: `Imagen ${x.length}×${x[0]!.length}, más pequeña que el kernel 5×5: el relleno de 2 píxeles hace que casi toda la ventana caiga fuera`,
          en: `A ${x.length}×${x[0]!.length} image, smaller than the 5×5 kernel: with 2 pixels of padding most of the window falls outside`,
        },
      });
    },
  }),
});
